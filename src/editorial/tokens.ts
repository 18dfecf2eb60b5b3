/**
 * Session tokens and the form tokens derived from them. The cookie carries 32 random bytes; the database keeps only
 * their SHA-256, so a copy of the database lets no one sign in. A form's anti-forgery token is an HMAC of the session
 * token: each session has its own, the server can check it without storing it, and it reveals nothing of the cookie.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const TOKEN_BYTES = 32;
/** 32 bytes in base64url: 43 characters. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** A new random token for a cookie. */
export function newToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

/** True for text shaped like a token we issued (anything else is not looked up at all). */
export function isTokenShaped(text: string): boolean {
  return TOKEN_SHAPE.test(text);
}

/** What the database keys a session by. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The session's anti-forgery token, put in every form and checked on every POST. */
export function formTokenFor(sessionToken: string): string {
  return createHmac('sha256', sessionToken).update('trialfinder editor form').digest('base64url');
}

/** Compares two secrets in constant time, whatever their lengths (each is hashed to 32 bytes first). */
export function sameSecret(a: string, b: string): boolean {
  const left = createHash('sha256').update(a).digest();
  const right = createHash('sha256').update(b).digest();
  return timingSafeEqual(left, right);
}
