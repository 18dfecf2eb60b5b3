import { InvalidInput } from '../domain/errors.ts';

export interface CtgovFlags {
  readonly cond?: string;
  readonly term?: string;
  readonly status?: string;
  readonly since?: string;
  readonly pageSize: string;
  readonly maxPages?: string;
  readonly intervalMs: string;
  readonly baseUrl?: string;
  readonly resume: boolean;
  readonly json?: boolean;
}

function wholeNumber(text: string, flag: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) {
    throw new InvalidInput(`--${flag} must be a whole number from ${min} to ${max}; got ${JSON.stringify(text)}.`, flag);
  }
  return value;
}

/** Checks the flags of `import ctgov` and turns them into the live client's options. */
export function fetchOptionsFromFlags(flags: CtgovFlags, env: NodeJS.ProcessEnv = process.env) {
  if (flags.since !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(flags.since) || Number.isNaN(Date.parse(flags.since)))) {
    throw new InvalidInput(`--since must be a date as YYYY-MM-DD; got ${JSON.stringify(flags.since)}.`, 'since');
  }
  const baseUrl = flags.baseUrl ?? env.CTGOV_API_URL ?? 'https://clinicaltrials.gov/api/v2';
  if (!/^https?:\/\//.test(baseUrl)) throw new InvalidInput(`--base-url must be an http(s) URL; got ${JSON.stringify(baseUrl)}.`, 'base-url');
  const status = flags.status?.split(',').map((s) => s.trim().toUpperCase().replace(/[\s-]+/g, '_')).filter((s) => s !== '');
  return {
    ...(flags.cond !== undefined ? { cond: flags.cond } : {}),
    ...(flags.term !== undefined ? { term: flags.term } : {}),
    ...(status !== undefined && status.length > 0 ? { status } : {}),
    ...(flags.since !== undefined ? { since: flags.since } : {}),
    pageSize: wholeNumber(flags.pageSize, 'page-size', 1, 1000),
    ...(flags.maxPages !== undefined ? { maxPages: wholeNumber(flags.maxPages, 'max-pages', 1, 1_000_000) } : {}),
    minIntervalMs: wholeNumber(flags.intervalMs, 'interval-ms', 0, 600_000),
    baseUrl,
    resume: flags.resume,
  };
}
