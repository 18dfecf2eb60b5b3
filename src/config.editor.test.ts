import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidInput } from './domain/errors.ts';
import { readConfig, readEditorSettings } from './config.ts';
import { DEFAULT_EDITOR_SETTINGS } from './editorial/settings.ts';

describe('readEditorSettings', () => {
  it('uses secure cookies, a 60-minute idle limit, 12-hour sessions and 5 failures in 15 minutes by default', () => {
    assert.deepEqual(readEditorSettings({}), DEFAULT_EDITOR_SETTINGS);
    assert.deepEqual(readConfig({}).editor, DEFAULT_EDITOR_SETTINGS);
    assert.equal(DEFAULT_EDITOR_SETTINGS.cookieSecure, true);
  });

  it('reads every setting a deployment gives', () => {
    assert.deepEqual(
      readEditorSettings({
        EDITOR_COOKIE_SECURE: 'false',
        EDITOR_SESSION_IDLE_MINUTES: '20',
        EDITOR_SESSION_MAX_HOURS: '8',
        EDITOR_LOGIN_MAX_FAILURES: '3',
        EDITOR_LOGIN_MAX_FAILURES_PER_ADDRESS: '50',
        EDITOR_LOGIN_WINDOW_MINUTES: '30',
        EDITOR_REVIEW_MONTHS_RECRUITING: '3',
        EDITOR_REVIEW_MONTHS_OTHER: '24',
        EDITOR_REVIEW_MONTHS_PAGES: '6',
      }),
      {
        cookieSecure: false,
        sessionIdleMinutes: 20,
        sessionMaxHours: 8,
        loginMaxFailuresPerAccount: 3,
        loginMaxFailuresPerAddress: 50,
        loginWindowMinutes: 30,
        review: { recruitingMonths: 3, otherMonths: 24, pageMonths: 6 },
      },
    );
  });

  it('refuses values it cannot read, naming the setting', () => {
    const named = (name: string) => (error: unknown) => error instanceof InvalidInput && error.field === name;
    assert.throws(() => readEditorSettings({ EDITOR_COOKIE_SECURE: 'no' }), named('EDITOR_COOKIE_SECURE'));
    assert.throws(() => readEditorSettings({ EDITOR_SESSION_IDLE_MINUTES: '0' }), named('EDITOR_SESSION_IDLE_MINUTES'));
    assert.throws(() => readEditorSettings({ EDITOR_LOGIN_MAX_FAILURES: '2.5' }), named('EDITOR_LOGIN_MAX_FAILURES'));
    assert.throws(() => readEditorSettings({ EDITOR_REVIEW_MONTHS_RECRUITING: '0' }), named('EDITOR_REVIEW_MONTHS_RECRUITING'));
    assert.throws(() => readEditorSettings({ EDITOR_SESSION_IDLE_MINUTES: '600', EDITOR_SESSION_MAX_HOURS: '2' }), named('EDITOR_SESSION_IDLE_MINUTES'));
  });
});
