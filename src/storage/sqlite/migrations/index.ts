import type { Migration } from 'kysely';
import * as initial from './0001-initial.ts';
import * as narrowFacts from './0002-narrow-facts.ts';
import * as derivedFacts from './0003-derived-facts.ts';
import * as editorial from './0004-editorial.ts';
import * as editorialDocuments from './0005-editorial-documents.ts';
import * as spellingsByBatch from './0006-spellings-by-batch.ts';

/**
 * Every migration, by name, in the order they run. Listed statically (not read from a folder at run time) so the
 * store works the same under tsx, bundled or compiled. Add new files as 0007-..., never edit a released one.
 */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001-initial': initial,
  '0002-narrow-facts': narrowFacts,
  '0003-derived-facts': derivedFacts,
  '0004-editorial': editorial,
  '0005-editorial-documents': editorialDocuments,
  '0006-spellings-by-batch': spellingsByBatch,
};
