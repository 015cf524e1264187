// Which rows PostgreSQL's row-level security lets this piece of work see (ARCHITECTURE rule 2:
// scoping in the repositories, backed by RLS). The scope follows the async call chain:
//   - a request with verified claims runs in its practice's scope (the subgraph server sets it);
//   - work that must look across practices before any practice is known (finding a user by email
//     at sign-in, a refresh token by its hash, provisioning scripts) asks for the system scope
//     explicitly and by name;
//   - anything else runs in no scope, and RLS shows it nothing.
// tenant-pool.ts turns the current scope into PostgreSQL settings on every connection checkout.
import { AsyncLocalStorage } from 'node:async_hooks';

export type DbScope = { kind: 'practice'; practiceId: string } | { kind: 'system' } | { kind: 'none' };

const NO_SCOPE: DbScope = { kind: 'none' };
const storage = new AsyncLocalStorage<DbScope>();

export function currentDbScope(): DbScope {
  return storage.getStore() ?? NO_SCOPE;
}

/**
 * Starts `work` inside the scope. Prisma's queries are lazy thenables that only run when `then` is
 * called, so a query handed back unawaited would otherwise run wherever it is awaited, outside.
 */
function startIn<T>(scope: DbScope, work: () => T | PromiseLike<T>): Promise<T> {
  return storage.run(scope, () => {
    const result = work();
    return isThenable(result) ? new Promise<T>((resolve, reject) => result.then(resolve, reject)) : Promise.resolve(result);
  });
}

const isThenable = <T>(value: T | PromiseLike<T>): value is PromiseLike<T> => typeof (value as PromiseLike<T> | null)?.then === 'function';

/** Runs `work` seeing only the practice's rows (and writing only rows of that practice). */
export function runInPracticeScope<T>(practiceId: string, work: () => T | PromiseLike<T>): Promise<T> {
  return startIn({ kind: 'practice', practiceId }, work);
}

/**
 * Runs `work` past row-level security. Only for the few named operations that must cross practices
 * (sign-in lookups, token lookups, provisioning); each caller says why.
 */
export function runInSystemScope<T>(work: () => T | PromiseLike<T>): Promise<T> {
  return startIn({ kind: 'system' }, work);
}

/** Runs `work` with no scope: RLS shows it nothing. Used for unauthenticated requests. */
export function runWithoutScope<T>(work: () => T | PromiseLike<T>): Promise<T> {
  return startIn(NO_SCOPE, work);
}
