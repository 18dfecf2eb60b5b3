/** How the editor area's sessions and sign-in limits behave; read from the environment by src/config.ts. */

export interface EditorSettings {
  /**
   * Send the session cookie with `Secure`, so browsers return it over HTTPS only. On by default; turn it off only to
   * try the editor area over plain http on one's own machine (EDITOR_COOKIE_SECURE=false).
   */
  readonly cookieSecure: boolean;
  /** A session unused for this long ends (EDITOR_SESSION_IDLE_MINUTES). */
  readonly sessionIdleMinutes: number;
  /** A session ends this long after sign-in however active it is (EDITOR_SESSION_MAX_HOURS). */
  readonly sessionMaxHours: number;
  /** Failed sign-ins to one account within the window before further tries are refused (EDITOR_LOGIN_MAX_FAILURES). */
  readonly loginMaxFailuresPerAccount: number;
  /** Failed sign-ins from one client address within the window (EDITOR_LOGIN_MAX_FAILURES_PER_ADDRESS). */
  readonly loginMaxFailuresPerAddress: number;
  /** The window failures are counted over (EDITOR_LOGIN_WINDOW_MINUTES). */
  readonly loginWindowMinutes: number;
}

export const DEFAULT_EDITOR_SETTINGS: EditorSettings = {
  cookieSecure: true,
  sessionIdleMinutes: 60,
  sessionMaxHours: 12,
  loginMaxFailuresPerAccount: 5,
  loginMaxFailuresPerAddress: 20,
  loginWindowMinutes: 15,
};
