/** Command-line options of the quality benchmarks, read with node:util parseArgs. */
import { parseArgs } from 'node:util';

/** Reads `--name value` options; unknown options are refused with the list of known ones. */
export function readOptions<K extends string>(argv: readonly string[], defaults: Readonly<Record<K, string>>): Record<K, string> {
  const options = Object.fromEntries(Object.keys(defaults).map((name) => [name, { type: 'string' as const }]));
  try {
    const { values } = parseArgs({ args: [...argv], options, strict: true, allowPositionals: false });
    return { ...defaults, ...(values as Partial<Record<K, string>>) };
  } catch (error) {
    const known = Object.keys(defaults).map((name) => `--${name}`).join(', ');
    throw new Error(`${error instanceof Error ? error.message : String(error)} (options: ${known})`, { cause: error });
  }
}

/** A whole number option, refused when it is not one. */
export function wholeNumber(name: string, value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new Error(`--${name} must be a whole number above 0, not ${JSON.stringify(value)}.`);
  return number;
}
