/**
 * The editorial store contract on PostgreSQL, then what only PostgreSQL refuses besides (TRUNCATE of the audit log)
 * and concurrent first opens. Runs only with TEST_DATABASE_URL (scripts/run-tests.mjs prints that it was skipped).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { postgresEditorialBackend } from '../../../test/support/editorial-backends.ts';
import { randomSchema } from '../../../test/support/backends.ts';
import { COMMAND_LINE_ACTOR } from '../../domain/editorial/audit.ts';
import { runEditorialStoreContract } from '../editorial-store.contract.ts';
import { openPostgresEditorialStore } from './editorial-store.ts';
import { dropPostgresSchema, openPostgresStore } from './postgres-store.ts';

const url = process.env.TEST_DATABASE_URL?.trim() ?? '';

describe('PostgreSQL editorial store', { skip: url === '' }, () => {
  runEditorialStoreContract(postgresEditorialBackend(url));

  it('refuses TRUNCATE of the audit log', async () => {
    const place = await postgresEditorialBackend(url).open();
    try {
      await place.store.appendAudit({ actor: COMMAND_LINE_ACTOR, at: new Date(), action: 'user.create' }, 'user:1', null, { a: 1 });
      const before = await place.snapshot();
      await assert.rejects(place.exec('TRUNCATE editor_audit_log'), /append-only: TRUNCATE/);
      assert.equal(await place.snapshot(), before);
    } finally {
      await place.dispose();
    }
  });

  it('opens beside the trial store on one fresh schema, several processes at once, migrating once', async () => {
    const schema = randomSchema();
    try {
      const opened = await Promise.all([
        openPostgresEditorialStore(url, { schema, poolSize: 1 }),
        openPostgresStore(url, { schema, poolSize: 1, workers: 0 }),
        openPostgresEditorialStore(url, { schema, poolSize: 1 }),
      ]);
      const [first, trials, second] = opened;
      const user = await first.createUser(
        { email: 'ann@example.org', displayName: 'Ann', role: 'admin', passwordHash: 'scrypt$ln=10,r=8,p=1$x$y' },
        { actor: COMMAND_LINE_ACTOR, at: new Date(), action: 'user.create' },
      );
      assert.equal((await second.userById(user.id))?.email, 'ann@example.org');
      assert.equal(await trials.count(), 0);
      await Promise.all(opened.map((store) => store.close()));
    } finally {
      await dropPostgresSchema(url, schema);
    }
  });
});
