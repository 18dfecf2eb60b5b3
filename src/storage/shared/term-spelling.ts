/**
 * Which spelling a facet shows for a term key. Registries write the same condition or drug several ways
 * ("Radiation Therapy", "radiation therapy", "RADIATION THERAPY"); all share one key, and the facet shows one.
 */

/** One way a key is written, and by how many stored trials. */
export interface Spelling {
  readonly name: string;
  readonly trials: number;
}

const capitals = (name: string): number => name.match(/[\p{Lu}\p{Lt}]/gu)?.length ?? 0;

/**
 * How a spelling ranks among equally common ones: written in mixed case first (sentence or title case, as most
 * registries print names), then all capitals, then all lower case.
 */
function caseRank(name: string): number {
  const upper = capitals(name);
  if (upper === 0) return 2;
  return name === name.toUpperCase() ? 1 : 0;
}

/**
 * The most common spelling; ties go to mixed case over all capitals over lower case, then to more capitals (title
 * case keeps "Non-Small Cell" over "Non-small cell"), then to code-unit order, so every run picks the same one.
 */
export function preferredSpelling(spellings: readonly Spelling[]): string | null {
  let best: Spelling | null = null;
  for (const candidate of spellings) {
    if (best === null || better(candidate, best)) best = candidate;
  }
  return best?.name ?? null;
}

function better(a: Spelling, b: Spelling): boolean {
  if (a.trials !== b.trials) return a.trials > b.trials;
  if (caseRank(a.name) !== caseRank(b.name)) return caseRank(a.name) < caseRank(b.name);
  if (capitals(a.name) !== capitals(b.name)) return capitals(a.name) > capitals(b.name);
  return a.name < b.name;
}
