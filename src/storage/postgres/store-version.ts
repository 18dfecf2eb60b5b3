/** The `store_version` row (migration 0003): bumped by every write transaction, read before every search. */
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.ts';

/** Marks the data changed; call inside the write transaction, so the bump commits (or rolls back) with it. */
export async function bumpStoreVersion(tx: Kysely<Database>): Promise<void> {
  await sql`UPDATE store_version SET version = version + 1 WHERE id = 1`.execute(tx);
}

export async function storeVersion(db: Kysely<Database>): Promise<string> {
  const row = await db.selectFrom('store_version').select('version').where('id', '=', 1).executeTakeFirstOrThrow();
  return row.version;
}
