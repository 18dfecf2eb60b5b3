/**
 * The seeded shuffle every draw of labelled trials in this folder uses (sample.ts, test2/, dev3/): Fisher–Yates with
 * mulberry32 (bench/scale/prng.ts), so a seed written in a README reproduces its draw on any machine.
 */
import { mulberry32 } from '../scale/prng.ts';

/** The items in a seeded random order (the input is not changed). */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const random = mulberry32(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random.next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
