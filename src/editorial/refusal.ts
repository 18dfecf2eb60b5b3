/**
 * Refusals of the editor area: the request was understood and is not allowed. They say what to do next and change
 * nothing. The web face maps each kind to its status (editor-errors.ts).
 */

export type RefusalKind =
  /** No session, or it has ended: 401. */
  | 'signed-out'
  /** Wrong email or password (the same words for both): 401. */
  | 'wrong-credentials'
  /** The account is disabled: 403. */
  | 'disabled'
  /** The role does not allow it: 403. */
  | 'forbidden'
  /** A form without its anti-forgery token, or with another session's: 403. */
  | 'bad-form-token'
  /** Too many failed sign-ins: 429. */
  | 'rate-limited';

export class EditorRefusal extends Error {
  readonly kind: RefusalKind;
  /** For 'rate-limited': how long to wait. */
  readonly retryAfterSeconds: number | null;

  constructor(kind: RefusalKind, message: string, retryAfterSeconds: number | null = null) {
    super(message);
    this.name = 'EditorRefusal';
    this.kind = kind;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export const WRONG_CREDENTIALS = 'The email address or password is not right. Check them and try again.';
