import type { Migration } from 'kysely';
import * as initial from './0001-initial.ts';

/**
 * Every PostgreSQL migration, by name, in the order they run. Listed statically so the store works the same under
 * tsx, bundled or compiled. Add new files as 0002-..., never edit a released one.
 */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001-initial': initial,
};
