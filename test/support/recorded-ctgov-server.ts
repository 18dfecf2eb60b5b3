/**
 * A local stand-in for ClinicalTrials.gov API v2 (`GET /api/v2/studies`, `GET /api/v2/version`) serving real
 * recorded studies, with a script of faults per request number. Behaviour follows the API reference
 * (https://clinicaltrials.gov/data-api/api): opaque `nextPageToken` cursors, absent on the last page;
 * `totalCount` only on a first page asked with `countTotal=true`; `pageSize` 0/absent = 10, above 1000
 * coerced to 1000; comma- or pipe-separated `filter.overallStatus`; errors as text/plain 400s.
 * Search is simplified: case-insensitive substring matching, and of `filter.advanced` only
 * `AREA[LastUpdatePostDate]RANGE[from,to]`; anything else the server does not model is refused with a 400.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One scripted misbehaviour. */
export type CtgovFault =
  /** Answer with this status (e.g. 429 with Retry-After, 500, 503, 400) instead of the page. */
  | { readonly kind: 'status'; readonly status: number; readonly retryAfter?: string; readonly body?: string }
  /** Send the headers and part of the body, then destroy the socket. */
  | { readonly kind: 'drop' }
  /** A complete 200 response whose JSON body is cut short. */
  | { readonly kind: 'truncated-json' }
  /** Answer normally, but only after this delay (to trip the client's timeout). */
  | { readonly kind: 'slow'; readonly delayMs: number };

/** Faults by 1-based request number, or a function deciding per request. */
export type CtgovFaultScript =
  | Readonly<Record<number, CtgovFault>>
  | ((requestNumber: number, url: URL) => CtgovFault | null | undefined);

export interface RecordedRequest {
  /** 1-based, counting every request the server received. */
  readonly number: number;
  readonly path: string;
  readonly params: Readonly<Record<string, string>>;
  readonly fault: CtgovFault['kind'] | null;
  /** The status sent (200 also for a dropped response, whose headers went out). */
  readonly status: number;
  /** NCT ids of the page the server answered (or would have, for a faulty answer). */
  readonly studyIds: readonly string[];
  readonly nextPageToken: string | null;
}

export interface RecordedServerOptions {
  /** Studies to serve, in order; default the recorded fixture set (40 studies). */
  readonly studies?: readonly unknown[];
  readonly faults?: CtgovFaultScript;
}

export interface RecordedCtgovServer {
  /** Base URL to give the client, ending in /api/v2. */
  readonly url: string;
  readonly requests: RecordedRequest[];
  close(): Promise<void>;
}

const FIXTURE = new URL('../fixtures/ctgov-v2-pages/studies-40.json', import.meta.url);

/** The recorded fixture studies (real v2 records; see test/fixtures/ctgov-v2-pages/README.md). */
export function loadRecordedStudies(): unknown[] {
  return JSON.parse(readFileSync(FIXTURE, 'utf8')) as unknown[];
}

interface Answer {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
  readonly studyIds: readonly string[];
  readonly nextPageToken: string | null;
}

const SEARCH_PARAMS = new Set([
  'format',
  'query.cond',
  'query.term',
  'query.intr',
  'query.titles',
  'query.locn',
  'query.id',
  'filter.overallStatus',
  'filter.advanced',
  'pageSize',
  'pageToken',
  'countTotal',
]);
const STATUSES = new Set([
  'ACTIVE_NOT_RECRUITING', 'COMPLETED', 'ENROLLING_BY_INVITATION', 'NOT_YET_RECRUITING', 'RECRUITING', 'SUSPENDED',
  'TERMINATED', 'WITHDRAWN', 'AVAILABLE', 'NO_LONGER_AVAILABLE', 'TEMPORARILY_NOT_AVAILABLE',
  'APPROVED_FOR_MARKETING', 'WITHHELD', 'UNKNOWN',
]);

function at(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function strings(...values: unknown[]): string[] {
  return values.flat().filter((v): v is string => typeof v === 'string');
}

function nctIdOf(study: unknown): string {
  return String(at(study, 'protocolSection', 'identificationModule', 'nctId'));
}

/** The text each `query.*` parameter searches, much reduced from the API's search areas. */
function areaText(study: unknown, area: string): string {
  const p = at(study, 'protocolSection');
  const titles = strings(
    at(p, 'identificationModule', 'briefTitle'),
    at(p, 'identificationModule', 'officialTitle'),
    at(p, 'identificationModule', 'acronym'),
  );
  const conditions = strings(at(p, 'conditionsModule', 'conditions'), at(p, 'conditionsModule', 'keywords'));
  const interventionList = at(p, 'armsInterventionsModule', 'interventions');
  const interventions = Array.isArray(interventionList) ? strings(...interventionList.map((i) => at(i, 'name'))) : [];
  const locationList = at(p, 'contactsLocationsModule', 'locations');
  const locations = Array.isArray(locationList)
    ? strings(...locationList.flatMap((l) => [at(l, 'facility'), at(l, 'city'), at(l, 'country')]))
    : [];
  const id = [nctIdOf(study)];
  const byArea: Record<string, string[]> = {
    'query.cond': [...conditions, ...titles, ...id],
    'query.term': [...conditions, ...titles, ...interventions, ...strings(at(p, 'descriptionModule', 'briefSummary')), ...id],
    'query.intr': interventions,
    'query.titles': titles,
    'query.locn': locations,
    'query.id': id,
  };
  return (byArea[area] ?? []).join('\n').toLowerCase();
}

function plain(status: number, message: string): Answer {
  return { status, contentType: 'text/plain', body: message, studyIds: [], nextPageToken: null };
}

/** `AREA[LastUpdatePostDate]RANGE[from,to]` with dates, MIN or MAX; null for anything else. */
function lastUpdateRange(expression: string): { from: string; to: string } | null {
  const match = /^AREA\[LastUpdatePostDate\]RANGE\[\s*([^,\]]+?)\s*,\s*([^\]]+?)\s*\]$/.exec(expression.trim());
  if (match === null) return null;
  const bound = (value: string, open: string): string | null =>
    value === open ? null : /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : 'invalid';
  const from = bound(match[1] ?? '', 'MIN');
  const to = bound(match[2] ?? '', 'MAX');
  if (from === 'invalid' || to === 'invalid') return null;
  return { from: from ?? '0000-00-00', to: to ?? '9999-99-99' };
}

/** The search part of a request, which a page token is bound to. */
function searchKey(params: URLSearchParams): string {
  const entries = [...params].filter(([name]) => !['pageSize', 'pageToken', 'countTotal', 'format'].includes(name));
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash('sha256').update(JSON.stringify(entries)).digest('hex').slice(0, 10);
}

// Tokens are opaque to the client but stateless here: offset and search key, base64url-encoded.
function encodeToken(offset: number, key: string): string {
  return Buffer.from(`${offset}:${key}`).toString('base64url');
}

function decodeToken(token: string, key: string): number | null {
  const [offset, tokenKey] = Buffer.from(token, 'base64url').toString('utf8').split(':');
  if (tokenKey !== key || offset === undefined || !/^\d+$/.test(offset)) return null;
  return Number(offset);
}

function answerStudies(studies: readonly unknown[], url: URL): Answer {
  const params = url.searchParams;
  for (const name of params.keys()) {
    if (!SEARCH_PARAMS.has(name)) return plain(400, `\`${name}\` is unknown parameter (or not modelled by the recorded server)`);
  }
  if ((params.get('format') ?? 'json') !== 'json') return plain(400, 'recorded server answers format=json only');
  let matching = [...studies];
  for (const area of ['query.cond', 'query.term', 'query.intr', 'query.titles', 'query.locn', 'query.id']) {
    const needle = params.get(area)?.trim().toLowerCase();
    if (needle) matching = matching.filter((study) => areaText(study, area).includes(needle));
  }
  const statusParam = params.get('filter.overallStatus');
  if (statusParam !== null) {
    const wanted = statusParam.split(/[,|]/).map((s) => s.trim());
    const unknown = wanted.find((s) => !STATUSES.has(s));
    if (unknown !== undefined) return plain(400, `filter.overallStatus: unknown value "${unknown}"`);
    matching = matching.filter((study) => wanted.includes(String(at(study, 'protocolSection', 'statusModule', 'overallStatus'))));
  }
  const advanced = params.get('filter.advanced');
  if (advanced !== null) {
    const range = lastUpdateRange(advanced);
    // The real API parses any Essie expression; this server only models the one the client sends.
    if (range === null) return plain(400, `Error parsing query in advanced filter (not modelled here): ${advanced}`);
    matching = matching.filter((study) => {
      const date = String(at(study, 'protocolSection', 'statusModule', 'lastUpdatePostDateStruct', 'date'));
      return date >= range.from && date <= range.to;
    });
  }
  const sizeParam = params.get('pageSize') ?? '0';
  if (!/^\d+$/.test(sizeParam)) return plain(400, `pageSize: "${sizeParam}" is not an integer`);
  const pageSize = Math.min(Number(sizeParam) === 0 ? 10 : Number(sizeParam), 1000);
  const key = searchKey(params);
  const token = params.get('pageToken');
  const offset = token === null ? 0 : decodeToken(token, key);
  if (offset === null) return plain(400, `pageToken: invalid token "${token}"`);
  const page = matching.slice(offset, offset + pageSize);
  const nextPageToken = offset + pageSize < matching.length ? encodeToken(offset + pageSize, key) : null;
  const json: Record<string, unknown> = {};
  if (token === null && params.get('countTotal') === 'true') json.totalCount = matching.length;
  json.studies = page;
  if (nextPageToken !== null) json.nextPageToken = nextPageToken;
  return { status: 200, contentType: 'application/json', body: JSON.stringify(json), studyIds: page.map(nctIdOf), nextPageToken };
}

function faultFor(script: CtgovFaultScript | undefined, number: number, url: URL): CtgovFault | null {
  if (script === undefined) return null;
  if (typeof script === 'function') return script(number, url) ?? null;
  return script[number] ?? null;
}

/** Starts the recorded API on 127.0.0.1 on a free port. */
export async function startRecordedCtgovServer(options: RecordedServerOptions = {}): Promise<RecordedCtgovServer> {
  const studies = options.studies ?? loadRecordedStudies();
  const requests: RecordedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let received = 0;

  const send = (res: ServerResponse, answer: Answer, extraHeaders: Record<string, string> = {}): void => {
    if (res.destroyed) return;
    res.writeHead(answer.status, { 'content-type': answer.contentType, ...extraHeaders });
    res.end(answer.body);
  };

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    received += 1;
    const number = received;
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const record = (status: number, fault: CtgovFault | null, answer: Answer): void => {
      requests.push({
        number,
        path: url.pathname,
        params: Object.fromEntries(url.searchParams),
        fault: fault?.kind ?? null,
        status,
        studyIds: answer.studyIds,
        nextPageToken: answer.nextPageToken,
      });
    };
    let answer: Answer;
    if (req.method === 'GET' && url.pathname === '/api/v2/version') {
      const version = JSON.stringify({ apiVersion: '2.0.5', dataTimestamp: '2025-12-05T09:00:05' });
      answer = { ...plain(200, version), contentType: 'application/json' };
    } else if (req.method === 'GET' && url.pathname === '/api/v2/studies') {
      answer = answerStudies(studies, url);
    } else {
      answer = { ...plain(404, '<html><body><h1>404 Not Found</h1></body></html>'), contentType: 'text/html' };
    }
    const fault = faultFor(options.faults, number, url);
    record(fault?.kind === 'status' ? fault.status : answer.status, fault, answer);
    if (fault === null) {
      send(res, answer);
      return;
    }
    switch (fault.kind) {
      case 'status':
        send(
          res,
          plain(fault.status, fault.body ?? `HTTP ${fault.status} from the recorded server`),
          fault.retryAfter === undefined ? {} : { 'retry-after': fault.retryAfter },
        );
        return;
      case 'drop': {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(answer.body)) });
        res.write(answer.body.slice(0, Math.floor(answer.body.length / 2)));
        const timer = setTimeout(() => {
          timers.delete(timer);
          res.socket?.destroy();
        }, 5);
        timers.add(timer);
        return;
      }
      case 'truncated-json': {
        const cut = answer.body.slice(0, Math.floor(answer.body.length / 2));
        send(res, { ...answer, body: cut });
        return;
      }
      case 'slow': {
        const timer = setTimeout(() => {
          timers.delete(timer);
          send(res, answer);
        }, fault.delayMs);
        timers.add(timer);
        return;
      }
    }
  };

  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/v2`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close((error) => {
          if (error) reject(error);
          else resolve();
        });
        server.closeAllConnections();
      }),
  };
}
