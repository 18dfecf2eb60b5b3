/**
 * Advisory lock classes (the first key of pg_advisory_lock(int, int)); the second key is a hash of the schema, so
 * stores in different schemas of one database never wait for each other. Values are arbitrary but fixed: every
 * process of every version must agree on them.
 */

/** Held for the whole of a migration run, on a dedicated connection. */
export const MIGRATION_LOCK = 0x7466_0001;

/** Held by each upsert transaction: writers take turns, as SQLite's single writer does. */
export const WRITE_LOCK = 0x7466_0002;
