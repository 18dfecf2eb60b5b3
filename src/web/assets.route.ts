import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { PAGE_ROUTE } from './page-route.ts';

/** Read once at start: the files are small and part of the code. */
const STYLESHEET = readFileSync(new URL('./assets/site.css', import.meta.url), 'utf8');
const ICON = readFileSync(new URL('./assets/icon.svg', import.meta.url), 'utf8');

/** Style and icon change only with a release, and say nothing about anyone: caches may keep them for an hour. */
const ASSET_CACHE = 'public, max-age=3600';

/** GET /assets/site.css and /assets/icon.svg, served by us so pages make no third-party requests. */
export function registerAssetRoutes(app: FastifyInstance): void {
  app.get('/assets/site.css', PAGE_ROUTE, (_request, reply) => reply.type('text/css; charset=utf-8').header('cache-control', ASSET_CACHE).send(STYLESHEET));
  app.get('/assets/icon.svg', PAGE_ROUTE, (_request, reply) => reply.type('image/svg+xml').header('cache-control', ASSET_CACHE).send(ICON));
}
