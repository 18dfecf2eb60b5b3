/**
 * TRUST_PROXY through `inject()` on every editorial backend: the sign-in limit per client address counts the
 * connection's address when no proxy is trusted (behind a load balancer, everyone's), and the forwarded client
 * address when the balancer is trusted; a forwarded address from a connection that is not a trusted proxy is ignored.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { editorialBackends, type EditorialPlace } from '../../test/support/editorial-backends.ts';
import { createMemoryStore } from '../../test/support/memory-store.ts';
import { TEST_POSTCODES } from '../../test/support/test-postcodes.ts';
import { DEFAULT_EDITOR_SETTINGS, type EditorSettings } from '../editorial/settings.ts';
import { buildServer, type TrustProxy } from './server.ts';

const CHEAP = { ln: 10, r: 8, p: 1 };
const LOGIN = '__Secure-tf-editor-login';
const BALANCER = '10.0.0.7';
/** Three failures from one address, then that address is refused (the per-account limit is never reached here). */
const SETTINGS: EditorSettings = { ...DEFAULT_EDITOR_SETTINGS, loginMaxFailuresPerAddress: 3 };

function loginCookie(response: LightMyRequestResponse): string {
  const header = response.headers['set-cookie'];
  const lines = header === undefined ? [] : Array.isArray(header) ? header : [header];
  const line = lines.find((candidate) => candidate.startsWith(`${LOGIN}=`));
  assert.ok(line !== undefined, 'the sign-in page sets its anti-forgery cookie');
  return line.slice(LOGIN.length + 1).split(';')[0] ?? '';
}

function formToken(body: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(body);
  assert.ok(match?.[1] !== undefined, 'the page has a form token');
  return match[1];
}

for (const backend of editorialBackends()) {
  describe(`TRUST_PROXY and the sign-in limit per address on ${backend.name}`, () => {
    let place: EditorialPlace;
    let attempts = 0;
    let scenarios = 0;
    before(async () => {
      place = await backend.open();
    });
    after(async () => {
      await place.dispose();
    });

    const serverTrusting = (trustProxy?: TrustProxy): Promise<FastifyInstance> =>
      buildServer({
        store: createMemoryStore(),
        postcodes: TEST_POSTCODES,
        editor: { store: place.store, settings: SETTINGS, scrypt: CHEAP },
        ...(trustProxy === undefined ? {} : { trustProxy }),
      });

    /** A wrong sign-in arriving over `socket` with `forwarded` as X-Forwarded-For; each to an account of its own. */
    async function failedSignIn(app: FastifyInstance, socket: string, forwarded: string): Promise<number> {
      const headers = { 'x-forwarded-for': forwarded };
      const page = await app.inject({ method: 'GET', url: '/editor/login', remoteAddress: socket, headers });
      attempts += 1;
      const response = await app.inject({
        method: 'POST',
        url: '/editor/login',
        remoteAddress: socket,
        headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded', cookie: `${LOGIN}=${loginCookie(page)}` },
        payload: new URLSearchParams({ _csrf: formToken(page.body), email: `nobody${attempts}@example.org`, password: 'wrong password' }).toString(),
      });
      return response.statusCode;
    }

    it('without TRUST_PROXY counts the connection: everyone behind the balancer shares one limit', async () => {
      const app = await serverTrusting();
      try {
        for (const client of ['198.51.100.1', '198.51.100.2', '198.51.100.3']) assert.equal(await failedSignIn(app, BALANCER, client), 401);
        assert.equal(await failedSignIn(app, BALANCER, '198.51.100.4'), 429, 'a fourth person is refused for the first three');
      } finally {
        await app.close();
      }
    });

    for (const [name, trust] of [
      ['true', true],
      ['a hop count', 1],
      ['the balancer’s range', ['10.0.0.0/24']],
    ] as const) {
      it(`trusting ${name} counts each forwarded client address on its own`, async () => {
        const app = await serverTrusting(trust);
        // Addresses of this case's own, so the cases do not count each other's failures.
        scenarios += 1;
        const net = `192.0.${scenarios}.`;
        try {
          // Three different people behind the balancer, once each: nobody is limited.
          for (const client of [`${net}1`, `${net}2`, `${net}3`, `${net}4`]) assert.equal(await failedSignIn(app, '10.0.0.8', client), 401);
          // One person three times: that address is refused, the next person is not.
          for (let k = 0; k < 2; k += 1) assert.equal(await failedSignIn(app, '10.0.0.8', `${net}1`), 401);
          assert.equal(await failedSignIn(app, '10.0.0.8', `${net}1`), 429);
          assert.equal(await failedSignIn(app, '10.0.0.8', `${net}5`), 401);
        } finally {
          await app.close();
        }
      });
    }

    it('ignores X-Forwarded-For from a connection that is not a trusted proxy', async () => {
      const app = await serverTrusting(['10.0.0.0/24']);
      try {
        // Someone reaching the server directly cannot spread their attempts over made-up addresses.
        for (const client of ['203.0.113.1', '203.0.113.2', '203.0.113.3']) assert.equal(await failedSignIn(app, '198.18.0.1', client), 401);
        assert.equal(await failedSignIn(app, '198.18.0.1', '203.0.113.4'), 429);
      } finally {
        await app.close();
      }
    });
  });
}
