import type { Migration } from 'kysely';
import * as initial from './0001-initial.ts';
import * as derivedFacts from './0002-derived-facts.ts';
import * as storeVersion from './0003-store-version.ts';
import * as editorial from './0004-editorial.ts';
import * as editorialDocuments from './0005-editorial-documents.ts';
import * as rankVector from './0006-rank-vector.ts';
import * as lz4Compression from './0007-lz4-compression.ts';
import * as textTable from './0008-text-table.ts';
import * as wordPostings from './0009-word-postings.ts';

/**
 * Every PostgreSQL migration, by name, in the order they run. Listed statically so the store works the same under
 * tsx, bundled or compiled. Add new files as 0010-..., never edit a released one.
 */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001-initial': initial,
  '0002-derived-facts': derivedFacts,
  '0003-store-version': storeVersion,
  '0004-editorial': editorial,
  '0005-editorial-documents': editorialDocuments,
  '0006-rank-vector': rankVector,
  '0007-lz4-compression': lz4Compression,
  '0008-text-table': textTable,
  '0009-word-postings': wordPostings,
};
