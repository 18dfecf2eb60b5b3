import fastifySwagger from '@fastify/swagger';
import Fastify from 'fastify';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import type { PostcodeTable } from '../domain/postcode.ts';
import type { TrialStore } from '../storage/store.ts';
import { htmlNotFound } from '../web/html-errors.ts';
import { registerWebsite } from '../web/register-website.ts';
import { registerEditorArea, type EditorAreaOptions } from '../web/editor/register-editor.ts';
import { DEFAULT_SITE_SETTINGS } from '../web/site-settings.ts';
import type { SiteSettings } from '../web/site-settings.ts';
import { registerFacetsRoute } from './api/facets.route.ts';
import { registerHealthRoute } from './api/health.route.ts';
import { registerMatchRoute } from './api/match.route.ts';
import { openApiOptions } from './api/openapi.ts';
import { registerOpenApiRoute } from './api/openapi.route.ts';
import { registerSearchRoute } from './api/search.route.ts';
import { registerTopicSearchRoute } from './api/topic-search.route.ts';
import { registerTopicsRoute } from './api/topics.route.ts';
import { registerTrialRoute } from './api/trial.route.ts';
import { registerVocabRoutes } from './api/vocab.route.ts';
import { handleFrameworkError, registerErrorHandling } from './error-handler.ts';
import { registerRequestGuard } from './request-guard.ts';
import { serializeRequest } from './request-log.ts';
import { registerSecurityHeaders } from './security-headers.ts';

/** Fastify's logger options (pino's, plus a `stream`). */
export type LoggerOptions = Exclude<FastifyServerOptions['logger'], boolean | undefined>;

export interface ServerDeps {
  readonly store: TrialStore;
  /** The postcode-district table, loaded once at start by the caller (ingest/postcode-table.read.ts). */
  readonly postcodes: PostcodeTable;
  /** false (the default) for silence, true for JSON lines on stdout, or pino options (e.g. a `stream`). */
  readonly logger?: boolean | LoggerOptions;
  /** The API version shown in the OpenAPI document. */
  readonly version?: string;
  /** The website's name, support line and contact address (config.ts reads them); by default, no support line. */
  readonly site?: SiteSettings;
  /** The editor area under /editor (its store and settings); without it, /editor is not served. */
  readonly editor?: EditorAreaOptions;
  /**
   * Which proxies' X-Forwarded-For to believe for `request.ip` (TRUST_PROXY, config.ts); by default none, so the
   * address is the connection's. Sign-in's per-address limit counts `request.ip`.
   */
  readonly trustProxy?: TrustProxy;
}

/**
 * Which proxies in front of the server to believe about a request's client address (X-Forwarded-For), as Fastify's
 * `trustProxy` takes it: none (false), every one (true), the nearest N hops, or proxies at these addresses and ranges.
 */
export type TrustProxy = boolean | number | readonly string[];

/** The API reads query strings and path ids only; a body this size is already far more than any request needs. */
const BODY_LIMIT_BYTES = 64 * 1024;

/** Fastify's logger options with our request serializer forced in, so no log line carries a query string. */
function loggerOptions(logger: ServerDeps['logger']): FastifyServerOptions['logger'] {
  if (logger === undefined || logger === false) return false;
  const base = logger === true ? {} : logger;
  return { ...base, serializers: { ...base.serializers, req: serializeRequest } };
}

/**
 * The setting as Fastify takes it. A hop count becomes a function trusting the nearest N addresses, as proxy-addr
 * always read a number: Fastify 5 now refuses to trust anything for a bare number, because a client reaching the
 * server directly could then claim any address. That risk is the same as with `true`, and docs/deploy.md says to use
 * either only where nothing but the balancer reaches the server.
 */
function trustProxyOption(setting: TrustProxy): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof setting === 'boolean') return setting;
  if (typeof setting === 'number') return (_address, hop) => hop < setting;
  return [...setting];
}

/**
 * Builds the HTTP server (not yet listening): the website, the JSON API, the health check and the OpenAPI document,
 * with security headers on every response. Tests call `inject()` on it; `serve` calls `listen()`.
 */
export async function buildServer(deps: ServerDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(deps.logger),
    bodyLimit: BODY_LIMIT_BYTES,
    frameworkErrors: handleFrameworkError,
    trustProxy: trustProxyOption(deps.trustProxy ?? false),
  });
  // zod validates path parameters; search parameters go through parseTrialQuery (see search-query.validator.ts).
  app.setValidatorCompiler(validatorCompiler);
  // Response schemas document the API and are checked by tests; re-validating every response at run time
  // would turn a documentation slip into a 500 for a patient.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));

  registerSecurityHeaders(app);
  registerRequestGuard(app);
  registerErrorHandling(app, htmlNotFound(deps.site ?? DEFAULT_SITE_SETTINGS));

  // Registered before the routes: it records each route's schema as the route is added.
  await app.register(fastifySwagger, openApiOptions(deps.version ?? 'development'));

  const api = { store: deps.store, postcodes: deps.postcodes };
  registerSearchRoute(app, api);
  registerFacetsRoute(app, api);
  registerTrialRoute(app, api);
  registerMatchRoute(app, api);
  registerTopicsRoute(app);
  registerTopicSearchRoute(app, api);
  registerVocabRoutes(app);
  registerHealthRoute(app, api);
  registerOpenApiRoute(app);
  await registerWebsite(app, { ...api, site: deps.site ?? DEFAULT_SITE_SETTINGS });
  if (deps.editor !== undefined) await registerEditorArea(app, { ...deps.editor, site: deps.site ?? DEFAULT_SITE_SETTINGS });
  return app;
}
