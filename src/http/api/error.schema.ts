import { z } from 'zod';
import type { ErrorCode } from '../../domain/errors.ts';

const ERROR_CODES = ['invalid_input', 'not_found', 'conflict', 'unavailable', 'internal'] as const;

/** Every error the API sends: `{ "error": { "code", "message", "field"? } }` (HOUSE_STYLE 9). */
export const errorSchema = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z.string(),
      field: z.string().optional().describe('The parameter at fault, for invalid_input'),
    }),
  })
  .meta({ id: 'Error' });

export type ErrorBody = z.output<typeof errorSchema>;

/** The error body for a code; `field` only when a parameter is at fault. */
export function errorBody(code: ErrorCode | 'internal', message: string, field: string | null = null): ErrorBody {
  return { error: field === null ? { code, message } : { code, message, field } };
}

/** A documented JSON response: a description for the OpenAPI document and the body's schema. */
export function jsonResponse<T extends z.ZodType>(description: string, schema: T) {
  return { description, content: { 'application/json': { schema } } };
}

/** Error responses every API route may give, for the OpenAPI document. */
export const COMMON_ERROR_RESPONSES = {
  400: jsonResponse('A parameter is not acceptable; the message and field name it.', errorSchema),
  500: jsonResponse('Something unexpected went wrong.', errorSchema),
  503: jsonResponse('The trial store is not answering.', errorSchema),
} as const;
