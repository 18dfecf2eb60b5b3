/**
 * The one place errors become HTTP responses (HOUSE_STYLE 9): domain error codes map to statuses, framework
 * errors about the request to 4xx, and anything else to a logged 500 whose details never reach the client.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { TrialfinderError } from '../domain/errors.ts';
import type { ErrorCode } from '../domain/errors.ts';
import { errorBody } from './api/error.schema.ts';
import { applySecurityHeaders } from './security-headers.ts';

const STATUS_OF: Readonly<Record<ErrorCode, number>> = {
  invalid_input: 400,
  not_found: 404,
  conflict: 409,
  unavailable: 503,
};

interface ValidationIssue {
  readonly instancePath?: string;
  readonly message?: string;
}

/** Fastify's errors carry these; a plain `Error` thrown by a library may not. */
interface HttpishError {
  readonly statusCode?: unknown;
  readonly validation?: readonly ValidationIssue[];
  readonly validationContext?: string;
  readonly message: string;
}

function isHttpishError(error: unknown): error is HttpishError {
  return error instanceof Error;
}

/** The parameter a schema-validation failure is about: "/id" → "id", else the part of the request ("body"). */
function validationField(error: HttpishError): string {
  const path = error.validation?.[0]?.instancePath?.replace(/^\//, '').replaceAll('/', '.') ?? '';
  return path !== '' ? path : (error.validationContext ?? 'request');
}

/** Sends the JSON error for anything thrown by a hook or a route. Exported for the tests. */
export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof TrialfinderError) {
    return reply.status(STATUS_OF[error.code]).send(errorBody(error.code, error.message, error.field));
  }
  if (isHttpishError(error) && error.validation !== undefined) {
    const field = validationField(error);
    const detail = error.validation[0]?.message ?? 'is not acceptable';
    const message = detail.includes(field) ? detail : `${field}: ${detail}`;
    return reply.status(400).send(errorBody('invalid_input', message, field));
  }
  // Fastify's own request errors (malformed JSON, body too large, wrong content type) carry a 4xx status and
  // a message about the request only, never about our internals, so they can be passed on.
  if (isHttpishError(error) && typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
    return reply.status(error.statusCode).send(errorBody('invalid_input', error.message));
  }
  request.log.error({ err: error }, 'unexpected error');
  return reply.status(500).send(errorBody('internal', 'Something went wrong on our side. Please try again later.'));
}

/**
 * Errors Fastify raises before any route runs (a path that is not valid percent-encoding, a path segment longer
 * than the router accepts): passed as the `frameworkErrors` option, since no hook or route sees them.
 */
export function handleFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  // These replies bypass the onSend hook, so the headers are set here.
  applySecurityHeaders(reply);
  switch (error.code) {
    case 'FST_ERR_BAD_URL':
      void reply.status(400).send(errorBody('invalid_input', 'The URL is not valid: it has malformed percent-encoding.'));
      return;
    case 'FST_ERR_MAX_PARAM_LENGTH':
      void reply.status(414).send(errorBody('invalid_input', 'The URL has a path segment that is too long.'));
      return;
    default:
      void handleError(error, request, reply);
  }
}

/** What answers an unknown address outside the API (the website's "page not found"). */
export type NotFoundPage = (request: FastifyRequest, reply: FastifyReply) => FastifyReply;

/**
 * Installs the error handler and the 404 for unknown routes: JSON under /api/, and for anything else the page
 * `notFoundPage` renders when given (a person who mistyped an address sees a page, a script asking the API JSON).
 */
export function registerErrorHandling(app: FastifyInstance, notFoundPage?: NotFoundPage): void {
  app.setErrorHandler(handleError);
  app.setNotFoundHandler((request, reply) => {
    const apiPath = request.url === '/api' || request.url.startsWith('/api/') || request.url.startsWith('/api?');
    if (notFoundPage !== undefined && !apiPath) return notFoundPage(request, reply);
    // The URL is not echoed: it may carry a query string, and the client already knows it.
    return reply.status(404).send(errorBody('not_found', 'There is no API route at this address.'));
  });
}
