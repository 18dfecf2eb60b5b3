import type { FastifyReply } from 'fastify';
import { applyHtmlPageHeaders } from '../http/security-headers.ts';
import type { Html } from './html.ts';

/** Sends a rendered page with its status and the web page headers (content type, Content-Security-Policy). */
export function sendPage(reply: FastifyReply, status: number, page: Html): FastifyReply {
  applyHtmlPageHeaders(reply);
  return reply.status(status).send(page.text);
}
