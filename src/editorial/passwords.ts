/**
 * Password hashing with scrypt from node:crypto (memory-hard; RFC 7914), run on libuv's thread pool so a sign-in
 * never blocks the event loop. The stored form names its own parameters, `scrypt$ln=16,r=8,p=2$<salt>$<digest>`
 * (salt and digest in base64url), so the defaults can be raised later: a hash made with weaker parameters still
 * verifies, and is replaced at the account's next sign-in (docs/decisions/0006).
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

export interface ScryptParameters {
  /** log2 of the cost N. */
  readonly ln: number;
  /** Block size. */
  readonly r: number;
  /** Parallelisation. */
  readonly p: number;
}

/**
 * N = 2^16, r = 8, p = 2: 64 MiB per hash, one of OWASP's equivalent settings for scrypt (its first choice,
 * N = 2^17 with p = 1, needs 128 MiB; this trades half the memory for twice the passes at the same cost).
 */
export const DEFAULT_SCRYPT: ScryptParameters = { ln: 16, r: 8, p: 2 };

const SALT_BYTES = 16;
const DIGEST_BYTES = 32;
/** Bounds on parameters read back from the database: a tampered row must not be able to ask for gigabytes. */
const LIMITS = { ln: [10, 22], r: [1, 32], p: [1, 16] } as const;
const ENCODED = /^scrypt\$ln=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9_-]{16,})\$([A-Za-z0-9_-]{32,})$/;

function derive(password: string, salt: Buffer, length: number, params: ScryptParameters): Promise<Buffer> {
  const N = 2 ** params.ln;
  // scrypt needs 128·N·r bytes (plus a little); Node refuses anything over `maxmem`, 32 MiB by default.
  const maxmem = 128 * N * params.r + 2 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, length, { N, r: params.r, p: params.p, maxmem }, (error, key) => {
      if (error === null) resolve(key);
      else reject(error);
    });
  });
}

function inBounds(params: ScryptParameters): boolean {
  return (['ln', 'r', 'p'] as const).every((name) => params[name] >= LIMITS[name][0] && params[name] <= LIMITS[name][1]);
}

/** A new salted hash of `password`, in the stored form. */
export async function hashPassword(password: string, params: ScryptParameters = DEFAULT_SCRYPT): Promise<string> {
  if (!inBounds(params)) throw new RangeError(`scrypt parameters out of bounds: ${JSON.stringify(params)}`);
  const salt = randomBytes(SALT_BYTES);
  const digest = await derive(password, salt, DIGEST_BYTES, params);
  return `scrypt$ln=${params.ln},r=${params.r},p=${params.p}$${salt.toString('base64url')}$${digest.toString('base64url')}`;
}

interface Parsed {
  readonly params: ScryptParameters;
  readonly salt: Buffer;
  readonly digest: Buffer;
}

function parse(encoded: string): Parsed | null {
  const match = ENCODED.exec(encoded);
  if (match === null) return null;
  const [, ln, r, p, salt, digest] = match;
  const params = { ln: Number(ln), r: Number(r), p: Number(p) };
  if (!inBounds(params) || salt === undefined || digest === undefined) return null;
  return { params, salt: Buffer.from(salt, 'base64url'), digest: Buffer.from(digest, 'base64url') };
}

/**
 * True when `password` matches the stored hash. The digests are compared in constant time; a hash that cannot be read
 * never matches (and costs the same as one that can, with the default parameters).
 */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const parsed = parse(encoded);
  if (parsed === null) {
    await derive(password, randomBytes(SALT_BYTES), DIGEST_BYTES, DEFAULT_SCRYPT);
    return false;
  }
  const candidate = await derive(password, parsed.salt, parsed.digest.length, parsed.params);
  return timingSafeEqual(candidate, parsed.digest);
}

/** True when a stored hash was made with weaker parameters than `target` (or cannot be read). */
export function needsRehash(encoded: string, target: ScryptParameters = DEFAULT_SCRYPT): boolean {
  const parsed = parse(encoded);
  if (parsed === null) return true;
  return parsed.params.ln < target.ln || parsed.params.r < target.r || parsed.params.p < target.p;
}
