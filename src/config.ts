import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { InvalidInput } from './domain/errors.ts';
import { DEFAULT_EDITOR_SETTINGS, readReviewIntervals, type EditorSettings } from './editorial/settings.ts';
import type { TrustProxy } from './http/server.ts';
import { DEFAULT_SITE_SETTINGS } from './web/site-settings.ts';
import type { SiteSettings } from './web/site-settings.ts';

/**
 * Where trials are stored, read from DATABASE_URL. PostgreSQL may name a replica (READ_DATABASE_URL) that serves
 * searches and lookups while writes go to the primary.
 */
export type DatabaseConfig =
  | { readonly kind: 'sqlite'; readonly path: string }
  | { readonly kind: 'postgres'; readonly url: string; readonly readUrl?: string };

const POSTGRES_URL = /^postgres(ql)?:\/\//;

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly database: DatabaseConfig;
  /** The website's name, support line and contact address (SITE_NAME, SUPPORT_LINE_*, CONTACT_EMAIL). */
  readonly site: SiteSettings;
  /** The editor area's cookie, session lengths and sign-in limits (EDITOR_*; see readEditorSettings). */
  readonly editor: EditorSettings;
  /** TRUST_PROXY: see readTrustProxy. */
  readonly trustProxy: TrustProxy;
}

/** The project folder: the default SQLite file lives here (git-ignored), so `npm start` needs no setup. */
export const PROJECT_ROOT = resolve(import.meta.dirname, '..');
export const DEFAULT_SQLITE_PATH = resolve(PROJECT_ROOT, 'data', 'trialfinder.sqlite');

/**
 * Reads DATABASE_URL: unset → the default SQLite file; `sqlite:PATH` (or `sqlite://PATH`) → that file;
 * `postgres://...` (optionally `?schema=NAME`) → PostgreSQL, with `readUrl` (READ_DATABASE_URL) for reads.
 */
export function parseDatabaseUrl(raw: string | undefined, readRaw?: string): DatabaseConfig {
  const readUrl = readRaw?.trim() ?? '';
  if (readUrl !== '') {
    const config = parseDatabaseUrl(raw);
    if (config.kind !== 'postgres' || !POSTGRES_URL.test(readUrl)) {
      throw new InvalidInput('READ_DATABASE_URL must be a postgres://... URL, and DATABASE_URL must be PostgreSQL too.', 'READ_DATABASE_URL');
    }
    return { ...config, readUrl };
  }
  if (raw === undefined || raw.trim() === '') return { kind: 'sqlite', path: DEFAULT_SQLITE_PATH };
  const url = raw.trim();
  const sqlite = /^sqlite:(?:\/\/)?(.+)$/.exec(url);
  if (sqlite?.[1] !== undefined) {
    const path = sqlite[1];
    return { kind: 'sqlite', path: path === ':memory:' ? path : resolve(path) };
  }
  if (POSTGRES_URL.test(url)) return { kind: 'postgres', url };
  throw new InvalidInput(`DATABASE_URL must be sqlite:PATH or postgres://...; got ${JSON.stringify(url.slice(0, 80))}.`, 'DATABASE_URL');
}

/** Configuration from the environment, checked once at start. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const portText = env.PORT ?? '3000';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port < 0 || port > 65535) {
    throw new InvalidInput(`PORT must be a number from 0 to 65535; got ${JSON.stringify(portText)}.`, 'PORT');
  }
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    database: parseDatabaseUrl(env.DATABASE_URL, env.READ_DATABASE_URL),
    site: readSiteSettings(env),
    editor: readEditorSettings(env),
    trustProxy: readTrustProxy(env),
  };
}

/** proxy-addr's names for whole ranges, which Fastify accepts in a list beside addresses. */
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrRange(entry: string): boolean {
  if (PROXY_RANGE_NAMES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  // A prefix length, or (IPv4) a netmask written as an address: 10.0.0.0/255.0.0.0.
  if (family === 4 && isIP(prefix) === 4) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * TRUST_PROXY: unset or `false` (the default) uses the address of the connection itself; behind a load balancer that
 * is the balancer's, for every request. `true` believes the whole X-Forwarded-For chain (only when nothing but the
 * balancer can reach the server); a whole number N believes the nearest N proxies; a comma-separated list of
 * addresses and CIDR ranges (or `loopback`, `linklocal`, `uniquelocal`) believes the proxies at those addresses.
 * Fastify hands the value to @fastify/proxy-addr, whose forms these are.
 */
export function readTrustProxy(env: NodeJS.ProcessEnv = process.env): TrustProxy {
  const text = setting(env, 'TRUST_PROXY');
  if (text === null || text.toLowerCase() === 'false') return false;
  if (text.toLowerCase() === 'true') return true;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops < 1 || hops > 100) throw new InvalidInput(`TRUST_PROXY as a hop count must be from 1 to 100; got ${text.slice(0, 40)}.`, 'TRUST_PROXY');
    return hops;
  }
  const entries = text.split(',').map((entry) => entry.trim());
  const wrong = entries.find((entry) => !isAddressOrRange(entry));
  if (wrong !== undefined) {
    throw new InvalidInput(
      `TRUST_PROXY must be false, true, a hop count, or a comma-separated list of IP addresses and CIDR ranges; ${JSON.stringify(wrong.slice(0, 60))} is none of these.`,
      'TRUST_PROXY',
    );
  }
  return entries;
}

function setting(env: NodeJS.ProcessEnv, name: string): string | null {
  const value = env[name]?.trim() ?? '';
  return value === '' ? null : value;
}

/**
 * The website's per-deployment text: SITE_NAME, the support line (SUPPORT_LINE_NAME, SUPPORT_LINE_PHONE,
 * SUPPORT_LINE_HOURS, SUPPORT_LINE_URL; shown when a phone number or URL is set) and CONTACT_EMAIL. A URL must be
 * https (or http) so a typo cannot put a `javascript:` link on every page.
 */
export function readSiteSettings(env: NodeJS.ProcessEnv = process.env): SiteSettings {
  const url = setting(env, 'SUPPORT_LINE_URL');
  if (url !== null && !/^https?:\/\/[^\s]+$/i.test(url)) {
    throw new InvalidInput('SUPPORT_LINE_URL must be an http:// or https:// address.', 'SUPPORT_LINE_URL');
  }
  const phone = setting(env, 'SUPPORT_LINE_PHONE');
  const email = setting(env, 'CONTACT_EMAIL');
  if (email !== null && !/^[^\s@]+@[^\s@]+$/.test(email)) {
    throw new InvalidInput('CONTACT_EMAIL must be an email address.', 'CONTACT_EMAIL');
  }
  return {
    name: setting(env, 'SITE_NAME') ?? DEFAULT_SITE_SETTINGS.name,
    supportLine:
      phone === null && url === null
        ? null
        : { name: setting(env, 'SUPPORT_LINE_NAME') ?? 'our support line', phone, hours: setting(env, 'SUPPORT_LINE_HOURS'), url },
    contactEmail: email,
  };
}

/** A whole number from `min` to `max`, or the default when unset. */
function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const text = setting(env, name);
  if (text === null) return fallback;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) {
    throw new InvalidInput(`${name} must be a whole number from ${min} to ${max}; got ${JSON.stringify(text.slice(0, 40))}.`, name);
  }
  return value;
}

/**
 * The editor area's settings: EDITOR_COOKIE_SECURE (true; false only for plain-http development on one's own
 * machine), EDITOR_SESSION_IDLE_MINUTES (60), EDITOR_SESSION_MAX_HOURS (12), EDITOR_LOGIN_MAX_FAILURES (5 per
 * account), EDITOR_LOGIN_MAX_FAILURES_PER_ADDRESS (20), EDITOR_LOGIN_WINDOW_MINUTES (15) and the review intervals
 * EDITOR_REVIEW_MONTHS_RECRUITING (6), EDITOR_REVIEW_MONTHS_OTHER (12) and EDITOR_REVIEW_MONTHS_PAGES (12).
 */
export function readEditorSettings(env: NodeJS.ProcessEnv = process.env): EditorSettings {
  const secure = setting(env, 'EDITOR_COOKIE_SECURE')?.toLowerCase() ?? 'true';
  if (secure !== 'true' && secure !== 'false') {
    throw new InvalidInput(`EDITOR_COOKIE_SECURE must be true or false; got ${JSON.stringify(secure.slice(0, 40))}.`, 'EDITOR_COOKIE_SECURE');
  }
  const defaults = DEFAULT_EDITOR_SETTINGS;
  const settings: EditorSettings = {
    cookieSecure: secure === 'true',
    sessionIdleMinutes: wholeNumber(env, 'EDITOR_SESSION_IDLE_MINUTES', defaults.sessionIdleMinutes, 1, 24 * 60),
    sessionMaxHours: wholeNumber(env, 'EDITOR_SESSION_MAX_HOURS', defaults.sessionMaxHours, 1, 24 * 30),
    loginMaxFailuresPerAccount: wholeNumber(env, 'EDITOR_LOGIN_MAX_FAILURES', defaults.loginMaxFailuresPerAccount, 1, 1000),
    loginMaxFailuresPerAddress: wholeNumber(env, 'EDITOR_LOGIN_MAX_FAILURES_PER_ADDRESS', defaults.loginMaxFailuresPerAddress, 1, 100_000),
    loginWindowMinutes: wholeNumber(env, 'EDITOR_LOGIN_WINDOW_MINUTES', defaults.loginWindowMinutes, 1, 24 * 60),
    review: readReviewIntervals(env),
  };
  if (settings.sessionIdleMinutes > settings.sessionMaxHours * 60) {
    throw new InvalidInput('EDITOR_SESSION_IDLE_MINUTES must not be longer than EDITOR_SESSION_MAX_HOURS.', 'EDITOR_SESSION_IDLE_MINUTES');
  }
  return settings;
}
