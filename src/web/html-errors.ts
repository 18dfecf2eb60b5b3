/**
 * Errors on the website's routes become pages, not JSON: the same statuses as the API's error handler
 * (src/http/error-handler.ts) with the message in words and links onward. Unexpected errors are logged and shown
 * as a plain apology, never with their details.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { TrialfinderError } from '../domain/errors.ts';
import type { ErrorCode } from '../domain/errors.ts';
import { sendPage } from './send-page.ts';
import type { SiteSettings } from './site-settings.ts';
import { renderErrorPage } from './views/error.page.ts';

const STATUS_OF: Readonly<Record<ErrorCode, number>> = {
  invalid_input: 400,
  not_found: 404,
  conflict: 409,
  unavailable: 503,
};

function requestStatus(error: unknown): number | null {
  const status = error instanceof Error ? (error as { statusCode?: unknown }).statusCode : undefined;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : null;
}

/** The website's answer to an address that is neither a page nor an API route. */
export function htmlNotFound(site: SiteSettings) {
  return (_request: FastifyRequest, reply: FastifyReply): FastifyReply =>
    sendPage(reply, 404, renderErrorPage(site, 404, 'There is no page at this address. Check it for typing mistakes, or start again from the search.'));
}

/** The error handler for the website's routes. */
export function htmlErrorHandler(site: SiteSettings) {
  return (error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply => {
    if (error instanceof TrialfinderError) return sendPage(reply, STATUS_OF[error.code], renderErrorPage(site, STATUS_OF[error.code], error.message));
    const status = requestStatus(error);
    if (status !== null) return sendPage(reply, status, renderErrorPage(site, status, 'The request could not be read. Check the address and try again.'));
    request.log.error({ err: error }, 'unexpected error');
    return sendPage(reply, 500, renderErrorPage(site, 500, 'Something went wrong on our side. Please try again later.'));
  };
}

