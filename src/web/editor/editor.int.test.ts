/**
 * The editor area through `inject()` on every backend (SQLite always, PostgreSQL with TEST_DATABASE_URL): nothing
 * reachable without a session, cookie flags, sign-in refusals, expired sessions, anti-forgery tokens, roles, escaping,
 * and the accounts and audit pages. Every refusal is checked to change nothing in the editorial tables.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { editorialBackends, type EditorialPlace } from '../../../test/support/editorial-backends.ts';
import { createMemoryStore } from '../../../test/support/memory-store.ts';
import { TEST_POSTCODES } from '../../../test/support/test-postcodes.ts';
import type { EditorUser } from '../../domain/editorial/accounts.ts';
import { addAccount, createFirstAdmin } from '../../editorial/accounts.ts';
import type { EditorialDeps } from '../../editorial/editorial-deps.ts';
import { DEFAULT_EDITOR_SETTINGS, type EditorSettings } from '../../editorial/settings.ts';
import { HTML_CONTENT_SECURITY_POLICY } from '../../http/security-headers.ts';
import { buildServer } from '../../http/server.ts';

const CHEAP = { ln: 10, r: 8, p: 1 };
const PASSWORD = 'a long enough password';
const SESSION = '__Secure-tf-editor';
const LOGIN = '__Secure-tf-editor-login';

function setCookies(response: LightMyRequestResponse): string[] {
  const header = response.headers['set-cookie'];
  return header === undefined ? [] : Array.isArray(header) ? header : [header];
}

/** The Set-Cookie line for `name`, if the response set it. */
function cookieLine(response: LightMyRequestResponse, name: string): string | undefined {
  return setCookies(response).find((line) => line.startsWith(`${name}=`));
}

function cookieValue(response: LightMyRequestResponse, name: string): string {
  const line = cookieLine(response, name);
  assert.ok(line !== undefined, `no ${name} cookie in ${JSON.stringify(setCookies(response))}`);
  return line.slice(name.length + 1).split(';')[0] ?? '';
}

function formToken(body: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(body);
  assert.ok(match?.[1] !== undefined, 'the page has a form token');
  return match[1];
}

const form = (fields: Record<string, string>): string => new URLSearchParams(fields).toString();
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

/** A signed-in browser: its session cookie and the token its forms carry. */
interface Browser {
  readonly cookie: string;
  readonly token: string;
}

for (const backend of editorialBackends()) {
  describe(`editor area on ${backend.name}`, () => {
    let place: EditorialPlace;
    let app: FastifyInstance;
    let clock = new Date('2026-03-02T09:00:00.000Z');
    let deps: EditorialDeps;
    let admin: EditorUser;
    let editor: EditorUser;
    let addresses = 0;
    const freshAddress = (): string => `203.0.113.${(addresses += 1)}`;
    const advance = (minutes: number): void => {
      clock = new Date(clock.getTime() + minutes * 60_000);
    };

    const serverWith = (settings: EditorSettings): Promise<FastifyInstance> =>
      buildServer({ store: createMemoryStore(), postcodes: TEST_POSTCODES, editor: { store: place.store, settings, now: () => clock, scrypt: CHEAP } });

    /** Submits the sign-in form as a browser would: load the page, then post it with the page's cookie and token. */
    async function submitLogin(email: string, password: string, address = freshAddress(), server = app): Promise<LightMyRequestResponse> {
      const page = await server.inject({ method: 'GET', url: '/editor/login', remoteAddress: address });
      const loginCookie = cookieValue(page, LOGIN);
      return server.inject({
        method: 'POST',
        url: '/editor/login',
        remoteAddress: address,
        headers: { ...FORM, cookie: `${LOGIN}=${loginCookie}` },
        payload: form({ _csrf: formToken(page.body), email, password }),
      });
    }

    async function signIn(email: string): Promise<Browser> {
      const response = await submitLogin(email, PASSWORD);
      assert.equal(response.statusCode, 303, response.body);
      const cookie = `${SESSION}=${cookieValue(response, SESSION)}`;
      const dashboard = await app.inject({ method: 'GET', url: '/editor', headers: { cookie } });
      assert.equal(dashboard.statusCode, 200);
      return { cookie, token: formToken(dashboard.body) };
    }

    const post = (browser: Browser | null, url: string, fields: Record<string, string>): Promise<LightMyRequestResponse> =>
      app.inject({ method: 'POST', url, headers: { ...FORM, ...(browser === null ? {} : { cookie: browser.cookie }) }, payload: form(fields) });
    const get = (browser: Browser | null, url: string): Promise<LightMyRequestResponse> =>
      app.inject({ method: 'GET', url, headers: browser === null ? {} : { cookie: browser.cookie } });

    before(async () => {
      place = await backend.open();
      deps = { store: place.store, settings: DEFAULT_EDITOR_SETTINGS, now: () => clock, scrypt: CHEAP };
      admin = await createFirstAdmin(deps, { email: 'admin@example.org', displayName: 'Ada Admin', password: PASSWORD });
      editor = await addAccount(deps, admin, { email: 'ed@example.org', displayName: 'Ed Editor', role: 'editor', password: PASSWORD });
      await addAccount(deps, admin, { email: 'rey@example.org', displayName: 'Rey Reviewer', role: 'reviewer', password: PASSWORD });
      app = await serverWith(DEFAULT_EDITOR_SETTINGS);
    });
    after(async () => {
      await app.close();
      await place.dispose();
    });

    it('sends page requests without a session to sign in, and refuses anything else with 401, changing nothing', async () => {
      for (const url of ['/editor', '/editor/', '/editor/users', '/editor/audit', '/editor/users/1/remove', '/editor/no-such-page']) {
        const response = await get(null, url);
        assert.equal(response.statusCode, 303, url);
        assert.equal(response.headers.location, '/editor/login', url);
      }
      const start = await place.snapshot();
      for (const url of ['/editor/users', '/editor/users/1/disable', '/editor/logout', '/editor/no-such-page']) {
        const response = await post(null, url, { email: 'x@example.org', displayName: 'X', role: 'admin', password: PASSWORD });
        assert.equal(response.statusCode, 401, url);
        assert.match(response.body, /You are not signed in/);
      }
      const forged = await app.inject({ method: 'GET', url: '/editor', headers: { cookie: `${SESSION}=${'A'.repeat(43)}` } });
      assert.equal(forged.statusCode, 303);
      assert.equal(await place.snapshot(), start);
    });

    it('serves the sign-in page with the web page headers and its own anti-forgery cookie', async () => {
      const response = await get(null, '/editor/login');
      assert.equal(response.statusCode, 200);
      assert.equal(response.headers['content-security-policy'], HTML_CONTENT_SECURITY_POLICY);
      assert.equal(response.headers['cache-control'], 'no-store');
      assert.match(response.body, /<h1>Sign in to the editor area<\/h1>/);
      assert.match(response.body, /autocomplete="current-password"/);
      assert.match(cookieLine(response, LOGIN) ?? '', /^__Secure-tf-editor-login=[A-Za-z0-9_-]{43}; Path=\/editor; Max-Age=3600; HttpOnly; SameSite=Strict; Secure$/);
    });

    it('signs in with a Secure, HttpOnly, SameSite=Strict session cookie for /editor only, and shows who is signed in', async () => {
      const response = await submitLogin('ED@example.org', PASSWORD);
      assert.equal(response.statusCode, 303);
      assert.equal(response.headers.location, '/editor');
      assert.match(cookieLine(response, SESSION) ?? '', /^__Secure-tf-editor=[A-Za-z0-9_-]{43}; Path=\/editor; HttpOnly; SameSite=Strict; Secure$/);
      assert.match(cookieLine(response, LOGIN) ?? '', /^__Secure-tf-editor-login=; Path=\/editor; Max-Age=0;/);
      const dashboard = await get({ cookie: `${SESSION}=${cookieValue(response, SESSION)}`, token: '' }, '/editor');
      assert.match(dashboard.body, /signed in as <strong>Ed Editor<\/strong>/);
      assert.match(dashboard.body, /Your role is <strong>Editor<\/strong>/);
      assert.doesNotMatch(dashboard.body, /href="\/editor\/users"/, 'an editor is not offered the accounts page');
    });

    it('drops Secure and the __Secure- prefix only when EDITOR_COOKIE_SECURE=false', async () => {
      const plain = await serverWith({ ...DEFAULT_EDITOR_SETTINGS, cookieSecure: false });
      try {
        const page = await plain.inject({ method: 'GET', url: '/editor/login' });
        const response = await plain.inject({
          method: 'POST',
          url: '/editor/login',
          headers: { ...FORM, cookie: `tf-editor-login=${cookieValue(page, 'tf-editor-login')}` },
          payload: form({ _csrf: formToken(page.body), email: editor.email, password: PASSWORD }),
        });
        assert.match(cookieLine(response, 'tf-editor') ?? '', /^tf-editor=[A-Za-z0-9_-]{43}; Path=\/editor; HttpOnly; SameSite=Strict$/);
      } finally {
        await plain.close();
      }
    });

    it('answers a wrong password and an unknown account alike (401, same words), storing no session', async () => {
      const start = JSON.parse(await place.snapshot()) as unknown[][];
      const wrong = await submitLogin(editor.email, 'not the right password');
      const unknown = await submitLogin('nobody@example.org', PASSWORD);
      for (const response of [wrong, unknown]) {
        assert.equal(response.statusCode, 401);
        assert.match(response.body, /The email address or password is not right/);
        assert.equal(cookieLine(response, SESSION), undefined);
      }
      assert.equal(wrong.body.replace(/value="[^"]*"/g, ''), unknown.body.replace(/value="[^"]*"/g, ''), 'the pages differ only in field values');
      const end = JSON.parse(await place.snapshot()) as unknown[][];
      assert.deepEqual([end[0], end[1], end[3]], [start[0], start[1], start[3]]);
    });

    it('refuses a sign-in form without its token, or with another one, before looking at the password', async () => {
      const start = await place.snapshot();
      const page = await get(null, '/editor/login');
      const loginCookie = `${LOGIN}=${cookieValue(page, LOGIN)}`;
      const attempts: { cookie: string; fields: Record<string, string> }[] = [
        { cookie: loginCookie, fields: { email: editor.email, password: PASSWORD } },
        { cookie: loginCookie, fields: { _csrf: 'x'.repeat(43), email: editor.email, password: PASSWORD } },
        { cookie: '', fields: { _csrf: formToken(page.body), email: editor.email, password: PASSWORD } },
      ];
      for (const attempt of attempts) {
        const response = await app.inject({ method: 'POST', url: '/editor/login', headers: { ...FORM, cookie: attempt.cookie }, payload: form(attempt.fields) });
        assert.equal(response.statusCode, 403);
        assert.match(response.body, /did not come from this site, so nothing was changed/);
        assert.equal(cookieLine(response, SESSION), undefined);
      }
      assert.equal(await place.snapshot(), start);
    });

    it('answers a rate-limited sign-in with 429, Retry-After and a clear page, even with the right password', async () => {
      const address = freshAddress();
      for (let k = 0; k < 5; k += 1) assert.equal((await submitLogin('rey@example.org', `wrong password ${k}`, address)).statusCode, 401);
      const start = await place.snapshot();
      const limited = await submitLogin('rey@example.org', PASSWORD, freshAddress());
      assert.equal(limited.statusCode, 429);
      assert.equal(limited.headers['retry-after'], '900');
      assert.match(limited.body, /too many failed attempts to sign in\. Wait 15 minutes/);
      assert.equal(cookieLine(limited, SESSION), undefined);
      assert.equal(await place.snapshot(), start);
      advance(16);
    });

    it('refuses a disabled account with 403 and says why', async () => {
      const dora = await addAccount(deps, admin, { email: 'dora@example.org', displayName: 'Dora', role: 'editor', password: PASSWORD });
      const adminBrowser = await signIn(admin.email);
      assert.equal((await post(adminBrowser, `/editor/users/${dora.id}/disable`, { _csrf: adminBrowser.token })).statusCode, 303);
      const start = await place.snapshot();
      const response = await submitLogin(dora.email, PASSWORD);
      assert.equal(response.statusCode, 403);
      assert.match(response.body, /This account has been disabled/);
      assert.equal(await place.snapshot(), start);
    });

    it('sends an expired session to sign in again (pages) or refuses it (forms), clearing its cookie', async () => {
      const browser = await signIn(editor.email);
      advance(61);
      const page = await get(browser, '/editor');
      assert.equal(page.statusCode, 303);
      assert.equal(page.headers.location, '/editor/login?note=ended');
      assert.match(cookieLine(page, SESSION) ?? '', /^__Secure-tf-editor=; Path=\/editor; Max-Age=0;/);
      const login = await get(null, '/editor/login?note=ended');
      assert.match(login.body, /Your session has ended/);
      const start = await place.snapshot();
      const refused = await post(browser, '/editor/logout', { _csrf: browser.token });
      assert.equal(refused.statusCode, 401);
      assert.equal(await place.snapshot(), start);
    });

    it('refuses a form without the session’s token, or with another session’s, with 403, changing nothing', async () => {
      const adminBrowser = await signIn(admin.email);
      const other = await signIn(editor.email);
      const fields = { email: 'new@example.org', displayName: 'New', role: 'admin', password: PASSWORD };
      const start = await place.snapshot();
      for (const token of [null, '', other.token, `${adminBrowser.token}x`]) {
        const response = await post(adminBrowser, '/editor/users', token === null ? fields : { ...fields, _csrf: token });
        assert.equal(response.statusCode, 403, String(token));
        assert.match(response.body, /did not come from this site, so nothing was changed/);
      }
      const logout = await post(adminBrowser, '/editor/logout', {});
      assert.equal(logout.statusCode, 403);
      assert.equal(await place.snapshot(), start);
      assert.equal((await get(adminBrowser, '/editor')).statusCode, 200, 'the session survived the refused sign-out');
    });

    it('refuses an editor every admin page and action with 403, changing nothing', async () => {
      const browser = await signIn(editor.email);
      const start = await place.snapshot();
      for (const url of ['/editor/users', '/editor/audit', `/editor/users/${admin.id}/remove`]) {
        const response = await get(browser, url);
        assert.equal(response.statusCode, 403, url);
        assert.match(response.body, /Your role \(Editor\) does not allow this: only administrators can do it/);
      }
      const posts: [string, Record<string, string>][] = [
        ['/editor/users', { email: 'sneaky@example.org', displayName: 'Sneaky', role: 'admin', password: PASSWORD }],
        [`/editor/users/${admin.id}/disable`, {}],
        [`/editor/users/${admin.id}/remove`, {}],
        [`/editor/users/${admin.id}/password`, { password: 'a takeover password' }],
      ];
      for (const [url, fields] of posts) assert.equal((await post(browser, url, { ...fields, _csrf: browser.token })).statusCode, 403, url);
      assert.equal(await place.snapshot(), start);
    });

    it('lets an admin add an account; markup in its name is shown escaped on every page', async () => {
      const browser = await signIn(admin.email);
      const name = '<script>alert("x")</script><img src=x onerror=alert(1)>';
      const added = await post(browser, '/editor/users', { _csrf: browser.token, email: 'Mal@Example.org', displayName: name, role: 'reviewer', password: PASSWORD });
      assert.equal(added.statusCode, 303);
      assert.equal(added.headers.location, '/editor/users?done=added');
      const stored = await place.store.userByEmail('mal@example.org');
      assert.equal(stored?.displayName, name, 'stored as given');
      for (const url of ['/editor/users?done=added', '/editor/audit', `/editor/users/${stored?.id}/remove`]) {
        const page = await get(browser, url);
        assert.equal(page.statusCode, 200, url);
        assert.ok(!page.body.includes('<script>') && !page.body.includes('<img'), `${url} carries no live markup`);
        assert.ok(page.body.includes('&lt;script&gt;alert(') || page.body.includes('\\&quot;x\\&quot;'), `${url} shows the name as text`);
      }
      const signedIn = await submitLogin('mal@example.org', PASSWORD);
      const dashboard = await get({ cookie: `${SESSION}=${cookieValue(signedIn, SESSION)}`, token: '' }, '/editor');
      assert.ok(dashboard.body.includes('<strong>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;</strong>'));
    });

    it('shows a refused account form again with the error beside its field and the values kept (never the password)', async () => {
      const browser = await signIn(admin.email);
      const start = await place.snapshot();
      const short = await post(browser, '/editor/users', { _csrf: browser.token, email: 'new@example.org', displayName: 'New Person', role: 'editor', password: 'short' });
      assert.equal(short.statusCode, 400);
      assert.match(short.body, /id="f-password-error"/);
      assert.match(short.body, /value="New Person"/);
      assert.doesNotMatch(short.body, /value="short"/);
      const taken = await post(browser, '/editor/users', { _csrf: browser.token, email: 'ED@example.org', displayName: 'Twin', role: 'editor', password: PASSWORD });
      assert.equal(taken.statusCode, 409);
      assert.match(taken.body, /There is already an account for ed@example\.org/);
      const role = await post(browser, '/editor/users', { _csrf: browser.token, email: 'r@example.org', displayName: 'R', role: 'owner', password: PASSWORD });
      assert.equal(role.statusCode, 400);
      assert.equal(await place.snapshot(), start);
    });

    it('lets an admin disable (ending sessions), enable and remove an account, never their own', async () => {
      const browser = await signIn(admin.email);
      const tom = await addAccount(deps, admin, { email: 'tom@example.org', displayName: 'Tom', role: 'editor', password: PASSWORD });
      const tomBrowser = await signIn(tom.email);
      assert.equal((await post(browser, `/editor/users/${tom.id}/disable`, { _csrf: browser.token })).headers.location, '/editor/users?done=disabled');
      assert.equal((await get(tomBrowser, '/editor')).headers.location, '/editor/login?note=ended');
      assert.equal((await post(browser, `/editor/users/${tom.id}/enable`, { _csrf: browser.token })).headers.location, '/editor/users?done=enabled');
      const confirm = await get(browser, `/editor/users/${tom.id}/remove`);
      assert.match(confirm.body, /<h1>Remove Tom\?<\/h1>/);
      assert.equal((await post(browser, `/editor/users/${tom.id}/remove`, { _csrf: browser.token })).headers.location, '/editor/users?done=removed');
      assert.equal(await place.store.userById(tom.id), null);
      const start = await place.snapshot();
      const self = await post(browser, `/editor/users/${admin.id}/disable`, { _csrf: browser.token });
      assert.equal(self.statusCode, 409);
      assert.match(self.body, /You cannot disable your own account/);
      assert.equal((await post(browser, `/editor/users/${tom.id}/remove`, { _csrf: browser.token })).statusCode, 404);
      assert.equal((await get(browser, '/editor/users/abc/remove')).statusCode, 404);
      assert.equal(await place.snapshot(), start);
    });

    it('lets an admin set a new password for an account, ending its sessions', async () => {
      const browser = await signIn(admin.email);
      const pat = await addAccount(deps, admin, { email: 'pat@example.org', displayName: 'Pat', role: 'editor', password: PASSWORD });
      const patBrowser = await signIn(pat.email);
      const users = await get(browser, '/editor/users');
      assert.match(users.body, new RegExp(`action="/editor/users/${pat.id}/password"`));
      const start = await place.snapshot();
      const short = await post(browser, `/editor/users/${pat.id}/password`, { _csrf: browser.token, password: 'short' });
      assert.equal(short.statusCode, 400);
      assert.match(short.body, /at least 12 characters/);
      assert.equal(await place.snapshot(), start);
      const set = await post(browser, `/editor/users/${pat.id}/password`, { _csrf: browser.token, password: 'a brand new password' });
      assert.equal(set.headers.location, '/editor/users?done=password');
      assert.equal((await get(patBrowser, '/editor')).headers.location, '/editor/login?note=ended');
      assert.equal((await submitLogin(pat.email, 'a brand new password')).statusCode, 303);
    });

    it('shows admins the audit log newest first, filtered by account and action, in pages', async () => {
      const browser = await signIn(admin.email);
      const all = await get(browser, '/editor/audit');
      assert.equal(all.statusCode, 200);
      const total = Number(/Entries 1 to \d+ of (\d+)\./.exec(all.body)?.[1]);
      assert.ok(total > 10, `${total} entries`);
      const signIns = await get(browser, `/editor/audit?action=session.sign-in&actor=${admin.id}`);
      assert.match(signIns.body, /<option value="session.sign-in" selected>/);
      const rows = signIns.body.match(/<h2 class="chips-heading">Signed in: /g) ?? [];
      assert.ok(rows.length >= 1);
      assert.doesNotMatch(signIns.body, /Account added: /);
      assert.match(all.body, /Account added: user:/);
      for (let k = 0; k < 50; k += 1) await place.store.appendAudit({ actor: { userId: admin.id, label: admin.email }, at: clock, action: 'session.sign-out' }, `user:${admin.id}`, null, null);
      const second = await get(browser, '/editor/audit?page=2');
      assert.match(second.body, /Entries 51 to \d+ of \d+\./);
      assert.match(second.body, /rel="prev"/);
      for (const bad of ['action=user.hack', 'actor=me', 'page=0', 'page=x', 'action=a&action=b']) {
        const response = await get(browser, `/editor/audit?${bad}`);
        assert.equal(response.statusCode, 400, bad);
      }
    });

    it('accepts ordinary web forms only', async () => {
      const browser = await signIn(admin.email);
      const start = await place.snapshot();
      const json = await app.inject({
        method: 'POST',
        url: '/editor/users',
        headers: { cookie: browser.cookie, 'content-type': 'application/json' },
        payload: JSON.stringify({ _csrf: browser.token, email: 'j@example.org', displayName: 'J', role: 'admin', password: PASSWORD }),
      });
      assert.equal(json.statusCode, 415);
      assert.equal(await place.snapshot(), start);
    });

    it('signs out: the session is deleted and its cookie cleared, and it no longer opens anything', async () => {
      const browser = await signIn(editor.email);
      const response = await post(browser, '/editor/logout', { _csrf: browser.token });
      assert.equal(response.statusCode, 303);
      assert.equal(response.headers.location, '/editor/login?note=signed-out');
      assert.match(cookieLine(response, SESSION) ?? '', /Max-Age=0/);
      assert.equal((await get(browser, '/editor')).headers.location, '/editor/login?note=ended');
      assert.match((await get(null, '/editor/login?note=signed-out')).body, /You have signed out/);
    });
  });
}
