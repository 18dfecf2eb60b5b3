/** Opens the store a {@link ServerTarget} names: how the benchmark's server process reaches the imported database. */
import type { PostcodeTable } from '../../src/domain/postcode.ts';
import { openPostgresStore } from '../../src/storage/postgres/postgres-store.ts';
import { openSqliteStore } from '../../src/storage/sqlite/sqlite-store.ts';
import type { TrialStore } from '../../src/storage/store.ts';
import type { ServerTarget } from './bench-backend.ts';

/** The store of the target, opened as `trialfinder serve` would open it. */
export async function openTargetStore(target: ServerTarget, postcodes: PostcodeTable): Promise<TrialStore> {
  switch (target.kind) {
    case 'sqlite':
      return openSqliteStore(target.path, { postcodes });
    case 'postgres':
      return openPostgresStore(target.url, { schema: target.schema, postcodes });
  }
}
