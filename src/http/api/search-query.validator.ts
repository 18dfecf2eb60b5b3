import type { FastifySchemaCompiler } from 'fastify';
import { validatorCompiler as zodValidatorCompiler } from 'fastify-type-provider-zod';
import { TrialfinderError } from '../../domain/errors.ts';
import { parseTrialQuery } from '../../search/query-params.ts';

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null;
}

/**
 * The validator for routes taking search parameters: the query string goes through `parseTrialQuery`, the same
 * function the CLI uses, so both faces accept and refuse exactly the same input with the same messages. The
 * route's zod schema is then only read by the OpenAPI generator; `request.query` is a `TrialQuery`.
 */
export const searchQueryValidator: FastifySchemaCompiler<unknown> =
  ({ httpPart }) =>
  (data: unknown) => {
    if (httpPart !== 'querystring') return { value: data };
    try {
      return { value: parseTrialQuery(isRecord(data) ? data : {}) };
    } catch (error) {
      // Our InvalidInput goes to the error handler with its field; anything else is a bug and must not become a 400.
      if (error instanceof TrialfinderError) return { error };
      throw error;
    }
  };

/**
 * For routes that read search parameters only after adding their own (topic searches): the query string passes
 * through as parsed text, path parameters are validated by their zod schema as on every other route.
 */
export const rawQueryValidator: FastifySchemaCompiler<unknown> = (route) => {
  if (route.httpPart === 'querystring') return (data: unknown) => ({ value: isRecord(data) ? data : {} });
  // The route's other parts (its path parameters) have zod schemas, as the server-wide compiler expects.
  return zodValidatorCompiler(route as Parameters<typeof zodValidatorCompiler>[0]);
};
