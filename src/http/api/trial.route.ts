import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { getTrialOrThrow } from '../../search/search-trials.ts';
import type { ApiDeps } from './api-deps.ts';
import { COMMON_ERROR_RESPONSES, errorSchema, jsonResponse } from './error.schema.ts';
import { trialSchema } from './response.schema.ts';

/** The longest id we look up; the router refuses longer path segments anyway (414). */
const MAX_ID_LENGTH = 100;

const paramsSchema = z.object({
  id: z
    .string()
    .min(1)
    .max(MAX_ID_LENGTH, { error: `id must be at most ${MAX_ID_LENGTH} characters.` })
    .meta({ description: 'Any registry id of the trial, in any case: NCT01234567, ISRCTN12345678, NCI-2020-01234 ...' }),
});

/** GET /api/trials/{id}: the full trial, found by any of its registry ids. */
export function registerTrialRoute(app: FastifyInstance, { store }: ApiDeps): void {
  app.get<{ Params: z.output<typeof paramsSchema> }>(
    '/api/trials/:id',
    {
      schema: {
        summary: 'One trial by any registry id',
        tags: ['trials'],
        params: paramsSchema,
        response: {
          200: jsonResponse('The trial.', trialSchema),
          404: jsonResponse('No trial has this id.', errorSchema),
          ...COMMON_ERROR_RESPONSES,
        },
      },
    },
    async (request) => getTrialOrThrow(store, request.params.id),
  );
}
