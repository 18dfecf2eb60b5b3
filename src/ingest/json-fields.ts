/**
 * Safe readers for fields of untrusted JSON records. Registry files are big and old, and converters
 * (ctrdata, XML-to-JSON tools) bend their shapes: a string where a list belongs, a number where text
 * belongs, a list where an object belongs. These readers never throw; they return the value when its
 * meaning is clear and `null` (or an empty list) when it is not, so a parser can decide what is fatal.
 */

export type JsonObject = Readonly<Record<string, unknown>>;

/** True for a plain JSON object (not null, not a list). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The object under `key`, or null when absent or not an object. */
export function objectAt(value: unknown, key: string): JsonObject | null {
  if (!isJsonObject(value)) return null;
  const inner = value[key];
  return isJsonObject(inner) ? inner : null;
}

/** The object reached through `keys`, or null as soon as one step is missing or not an object. */
export function objectPath(value: unknown, ...keys: readonly string[]): JsonObject | null {
  let current: JsonObject | null = isJsonObject(value) ? value : null;
  for (const key of keys) current = objectAt(current, key);
  return current;
}

/**
 * Text as we store it: trimmed, Windows line ends made `\n`, empty as null. A finite number becomes its
 * digits (postcodes and protocol ids sometimes arrive as numbers); anything else is not text.
 */
export function textOf(value: unknown): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  if (typeof value !== 'string') return null;
  const text = value.replace(/\r\n?/g, '\n').trim();
  return text === '' ? null : text;
}

/** The text under `key` of an object (see {@link textOf}). */
export function textAt(value: unknown, key: string): string | null {
  return isJsonObject(value) ? textOf(value[key]) : null;
}

/**
 * A list as a list: a list stays itself, absence is empty, and a single value stands for a list of one
 * (XML-to-JSON converters write a one-element list as the element itself).
 */
export function listOf(value: unknown): readonly unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? (value as readonly unknown[]) : [value];
}

/** The objects of a list; other entries are dropped. */
export function objectsOf(value: unknown): JsonObject[] {
  return listOf(value).filter(isJsonObject);
}

/** The texts of a list (or of a single text), each tidied, without empties or repeats (case ignored). */
export function textsOf(value: unknown): string[] {
  return uniqueTexts(listOf(value).map(textOf));
}

/** Texts without nulls and without repeats, comparing case-insensitively and keeping the first spelling. */
export function uniqueTexts(values: Iterable<string | null>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const value of values) {
    if (value === null) continue;
    const key = value.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(value);
  }
  return out;
}

/** A finite number, also from a numeric string ("120"); null otherwise. */
export function numberOf(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value);
  return null;
}

/** A yes/no answer: a boolean, or the words registries use ("Yes", "NO", "true"); null when not said. */
export function booleanOf(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  const text = textOf(value)?.toLowerCase();
  if (text === 'yes' || text === 'y' || text === 'true') return true;
  if (text === 'no' || text === 'n' || text === 'false') return false;
  return null;
}

/**
 * A registry date as a partial ISO date ("2023", "2023-06", "2023-06-09"). Timestamps keep their date
 * ("2020-12-29T00:00:00" → "2020-12-29"). Text of any other shape, or an impossible month or day, is null.
 */
export function partialDateOf(value: unknown): string | null {
  const text = textOf(value);
  if (text === null) return null;
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ][\d:.+\-Z]*)?$/.exec(text);
  if (!match) return null;
  const [, year, month, day] = match;
  if (month !== undefined && (Number(month) < 1 || Number(month) > 12)) return null;
  if (day !== undefined && (Number(day) < 1 || Number(day) > 31)) return null;
  return [year, month, day].filter((part) => part !== undefined).join('-');
}

/** An enum value as lower-case words: "ACTIVE_COMPARATOR" → "active comparator", "Procedure/Surgery" kept. */
export function lowerWordsOf(value: unknown): string | null {
  const text = textOf(value);
  if (text === null) return null;
  return text.toLowerCase().replace(/_+/g, ' ').replace(/\s+/g, ' ');
}
