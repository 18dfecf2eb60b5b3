/**
 * The part of autocannon 8's programmatic API the scale benchmark uses (node_modules/autocannon/README.md,
 * "Programmatically" and "Results"); the package ships no types.
 */
declare module 'autocannon' {
  interface Histogram {
    readonly average: number;
    readonly mean: number;
    readonly min: number;
    readonly max: number;
    readonly p50: number;
    readonly p90: number;
    readonly p97_5: number;
    readonly p99: number;
  }

  interface Result {
    readonly requests: Histogram & { readonly total: number };
    readonly latency: Histogram;
    readonly duration: number;
    readonly errors: number;
    readonly timeouts: number;
    readonly non2xx: number;
    readonly statusCodeStats: Readonly<Record<string, { readonly count: number | string }>>;
  }

  interface Request {
    readonly method?: string;
    readonly path?: string;
  }

  interface Options {
    readonly url: string;
    readonly connections?: number;
    readonly duration?: number;
    readonly amount?: number;
    readonly timeout?: number;
    readonly requests?: readonly Request[];
  }

  function autocannon(options: Options): Promise<Result>;
  export default autocannon;
}
