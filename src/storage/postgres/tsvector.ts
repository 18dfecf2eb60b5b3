/**
 * Builds tsvector literals from text already normalised by the shared indexText() (letters and digits only,
 * folded, respelled). We write the positions ourselves instead of calling to_tsvector: PostgreSQL's parser would
 * split some scripts differently from our tokeniser, and we need a gap between fields so that a phrase never spans
 * two of them, as in SQLite, where a phrase matches within one FTS5 column.
 * See https://www.postgresql.org/docs/15/datatype-textsearch.html#DATATYPE-TSVECTOR
 */

/** A tsvector weight: A counts most in ranking, D least. */
export type Weight = 'A' | 'B' | 'C' | 'D';

/** PostgreSQL clamps positions to this value (to_tsvector does the same for longer documents). */
const MAX_POSITION = 16_383;
/** PostgreSQL keeps at most 256 positions per lexeme. */
const MAX_POSITIONS_PER_LEXEME = 255;
/** A lexeme must be shorter than 2 KiB; to_tsvector skips longer words, and so do we. */
export const MAX_LEXEME_BYTES = 2047;

/** A lexeme quoted for tsvector and tsquery input: quotes doubled, backslashes escaped. */
export function quotedLexeme(token: string): string {
  return `'${token.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;
}

/** True when PostgreSQL can hold the token as a lexeme. */
export function isIndexable(token: string): boolean {
  return token !== '' && Buffer.byteLength(token, 'utf8') <= MAX_LEXEME_BYTES;
}

/**
 * The tsvector literal of the fields, in order, each field's tokens weighted by its weight. Positions run on
 * across fields with one unused position between them, so `a <-> b` never matches the last word of one field
 * followed by the first of the next.
 */
export function tsvectorLiteral(fields: ReadonlyArray<readonly [Weight, string]>): string {
  return weightedVector(fields).literal;
}

/** The literal and how many distinct lexemes it holds (what PostgreSQL's length(tsvector) returns). */
export function weightedVector(fields: ReadonlyArray<readonly [Weight, string]>): { literal: string; lexemes: number } {
  const positions = new Map<string, string[]>();
  let position = 0;
  for (const [weight, text] of fields) {
    for (const token of text.split(/\s+/)) {
      if (token === '') continue;
      position += 1;
      if (!isIndexable(token)) continue;
      const list = positions.get(token) ?? [];
      if (list.length < MAX_POSITIONS_PER_LEXEME) list.push(`${Math.min(position, MAX_POSITION)}${weight}`);
      positions.set(token, list);
    }
    position += 1;
  }
  const literal = [...positions].map(([token, list]) => `${quotedLexeme(token)}:${list.join(',')}`).join(' ');
  return { literal, lexemes: positions.size };
}
