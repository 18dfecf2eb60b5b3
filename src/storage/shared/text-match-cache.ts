/**
 * The free-text matches of recent searches, with their relevance, kept per data version. A text's matches depend on
 * the text alone (filters, facets, sort and page are applied in the fact index), so the next page, a facet click or
 * a status filter on the same words reuses them, and so do the many people following the same topic link. Scoring
 * every match of a broad word ("chemotherapy": most of the index at 500,000 trials) is the costliest step of a
 * search on both databases.
 *
 * Entries are labelled with the data version the fact index read before the match ran; a write changes the version,
 * after which no older entry is returned (nor kept: the first lookup under a new version empties the cache). Bounded
 * by bytes (4 per doc id, 8 per score), least recently used first out.
 */
import type { ExpandedTextQuery } from '../../domain/query-expansion.ts';
import type { ScoredDocs } from './fact-index-query.ts';
import { textClauses } from './text-clauses.ts';

/** Enough for about 25 of the broadest matches at 500,000 trials, and hundreds of ordinary ones. */
export const DEFAULT_TEXT_CACHE_BYTES = 64 * 2 ** 20;

const bytesOf = (docs: ScoredDocs): number => docs.docIds.byteLength + (docs.scores?.byteLength ?? 0);

/** What identifies a text's matches: the clauses as compiled, and whether any one of them is enough. */
export function textCacheKey(text: ExpandedTextQuery): string {
  return JSON.stringify([text.match ?? 'all', textClauses(text)]);
}

export class TextMatchCache {
  private version: string | null = null;
  /** In use order, least recent first (a Map iterates in insertion order). */
  private readonly entries = new Map<string, ScoredDocs>();
  private bytes = 0;

  /** `maxBytes` 0 keeps nothing (the scale benchmark times searches cold that way). */
  constructor(private readonly maxBytes: number = DEFAULT_TEXT_CACHE_BYTES) {}

  /**
   * The matches of `key` under `version`, scored when `ranked`. A scored entry also answers an unscored lookup
   * (without its scores: an unranked search orders by date); an unscored one never answers a ranked lookup.
   */
  get(version: string, key: string, ranked: boolean): ScoredDocs | null {
    this.useVersion(version);
    const found = this.entries.get(key);
    if (found === undefined || (ranked && found.scores === null)) return null;
    this.entries.delete(key);
    this.entries.set(key, found);
    return ranked ? found : { docIds: found.docIds, scores: null };
  }

  set(version: string, key: string, docs: ScoredDocs): void {
    this.useVersion(version);
    const size = bytesOf(docs);
    if (size > this.maxBytes) return;
    const old = this.entries.get(key);
    // Never replace scores with none: the scored entry answers both kinds of lookup.
    if (old !== undefined && old.scores !== null && docs.scores === null) return;
    if (old !== undefined) {
      this.entries.delete(key);
      this.bytes -= bytesOf(old);
    }
    this.entries.set(key, docs);
    this.bytes += size;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= bytesOf(entry);
    }
  }

  private useVersion(version: string): void {
    if (this.version === version) return;
    this.version = version;
    this.entries.clear();
    this.bytes = 0;
  }
}
