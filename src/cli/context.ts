import type { Config } from '../config.ts';
import type { PostcodeTable } from '../domain/postcode.ts';
import type { TrialStore } from '../storage/store.ts';
import type { Output } from './output.ts';

/** What every command needs, passed in so tests can run commands against a temporary store and capture output. */
export interface CliContext {
  readonly config: Config;
  readonly output: Output;
  openStore(): Promise<TrialStore>;
  /** The postcode-district table, read from disk at most once per process, on first use (searches and serve). */
  postcodes(): Promise<PostcodeTable>;
}

/** Runs work with a store that is always closed afterwards. */
export async function withStore<T>(context: CliContext, work: (store: TrialStore) => Promise<T>): Promise<T> {
  const store = await context.openStore();
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}
