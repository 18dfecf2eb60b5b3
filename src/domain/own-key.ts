/**
 * Looks a key up among a table's own entries. Plain indexing would also find what every object inherits, so a record
 * or request carrying "constructor" or "__proto__" would get a function or a prototype back instead of nothing.
 */
export function ownValue<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
