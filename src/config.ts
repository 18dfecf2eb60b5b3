import { resolve } from 'node:path';
import { InvalidInput } from './domain/errors.ts';
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
  };
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
