/**
 * Errors on editor routes become editor pages: refusals with their status (401, 403, 429 with Retry-After), domain
 * errors as the website maps them, the framework's request errors as 4xx, and anything else as a logged 500 whose
 * details are never shown.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { TrialfinderError, type ErrorCode } from '../../domain/errors.ts';
import { EditorRefusal, type RefusalKind } from '../../editorial/refusal.ts';
import { sendPage } from '../send-page.ts';
import type { SiteSettings } from '../site-settings.ts';
import { sessionOfOrNull } from './editor-session.ts';
import { renderMessagePage } from './views/message.page.ts';

const REFUSAL_STATUS: Readonly<Record<RefusalKind, number>> = {
  'signed-out': 401,
  'wrong-credentials': 401,
  disabled: 403,
  forbidden: 403,
  'bad-form-token': 403,
  'rate-limited': 429,
};

const ERROR_STATUS: Readonly<Record<ErrorCode, number>> = { invalid_input: 400, not_found: 404, conflict: 409, unavailable: 503 };

export function refusalStatus(kind: RefusalKind): number {
  return REFUSAL_STATUS[kind];
}

export function editorErrorHandler(site: SiteSettings) {
  return (error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply => {
    const viewer = sessionOfOrNull(request);
    const page = (status: number, message: string): FastifyReply => sendPage(reply, status, renderMessagePage(site, status, message, viewer));
    if (error instanceof EditorRefusal) {
      if (error.retryAfterSeconds !== null) reply.header('retry-after', String(error.retryAfterSeconds));
      return page(REFUSAL_STATUS[error.kind], error.message);
    }
    if (error instanceof TrialfinderError) return page(ERROR_STATUS[error.code], error.message);
    const status = (error as { statusCode?: unknown } | null)?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return page(status, status === 415 ? 'Forms here must be sent as ordinary web forms.' : 'The request could not be read. Go back and try again.');
    }
    request.log.error({ err: error }, 'unexpected error');
    return page(500, 'Something went wrong on our side. Please try again later.');
  };
}
