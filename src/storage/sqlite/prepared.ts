import type BetterSqlite3 from 'better-sqlite3';
import type { Compilable } from 'kysely';

/** Marks a named argument in a compiled query's parameters; NUL cannot appear in our own constants. */
const ARGUMENT = '\u0000argument:';

/** Stands for the named argument inside a query builder; typed as the value it will be bound to. */
export type Argument<A> = <K extends keyof A & string>(name: K) => A[K];

/** A value better-sqlite3 can bind. */
type Bindable = string | number | bigint | Buffer | null;

/** A compiled parameter: a named argument, or a constant of the query itself. */
type Slot = { readonly name: string } | { readonly value: Bindable };

export interface Prepared<A, O> {
  run(args: A): BetterSqlite3.RunResult;
  get(args: A): O | undefined;
  all(args: A): O[];
}

/**
 * Compiles a Kysely query once and prepares it on the raw connection, for the hot write path: Kysely keeps the
 * SQL typed, better-sqlite3 runs it synchronously without re-compiling or re-preparing per row.
 * Named arguments are found by their markers among the compiled parameters, so their order never matters.
 */
export function prepare<A extends Record<string, Bindable>, O = unknown>(
  raw: BetterSqlite3.Database,
  build: (argument: Argument<A>) => Compilable<O>,
): Prepared<A, O> {
  // The marker string stands in for a value of any type while the query is built; it never reaches the database.
  const argument = ((name: string) => `${ARGUMENT}${name}`) as unknown as Argument<A>;
  const compiled = build(argument).compile();
  const slots = compiled.parameters.map((parameter): Slot =>
    typeof parameter === 'string' && parameter.startsWith(ARGUMENT)
      ? { name: parameter.slice(ARGUMENT.length) }
      : { value: parameter as Bindable },
  );
  const statement = raw.prepare(compiled.sql);
  const bind = (args: A): Bindable[] => slots.map((slot) => ('name' in slot ? (args[slot.name] ?? null) : slot.value));
  return {
    run: (args) => statement.run(bind(args)),
    get: (args) => statement.get(bind(args)) as O | undefined,
    all: (args) => statement.all(bind(args)) as O[],
  };
}
