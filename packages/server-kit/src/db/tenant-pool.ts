// A pg Pool that applies the current DbScope (db-scope.ts) to each connection it hands out, as
// the PostgreSQL settings `app.practice_id` and `app.system` that the row-level security policies
// read (migration 20261122060000_row_level_security). Prisma's driver adapter takes this pool, so
// every Prisma query and transaction, and the audit writer's SQL, run under the caller's scope.
//
// The settings are session-level and re-applied at every checkout whose scope differs from what
// the connection last had, so a connection never carries one request's practice into another's
// query, and a single-practice deployment pays no extra round trip.
import pg from 'pg';
import { currentDbScope, type DbScope } from './db-scope';

const APPLY_SCOPE = "select set_config('app.practice_id', $1, false), set_config('app.system', $2, false)";

const scopeKey = (scope: DbScope) => (scope.kind === 'practice' ? `practice:${scope.practiceId}` : scope.kind);

type ConnectCallback = (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void;

export class TenantScopedPool extends pg.Pool {
  /** The scope each pooled connection currently carries. */
  private readonly applied = new WeakMap<pg.PoolClient, string>();

  constructor(config?: pg.PoolConfig) {
    super(config);
    // Pool.query's many overloads are easier to replace than to override: one-off queries check
    // out through connect() so they get the scope too. Only the promise form is supported.
    this.query = ((...args: unknown[]) => {
      if (typeof args[args.length - 1] === 'function') throw new TypeError('TenantScopedPool.query does not take a callback; await it.');
      return this.queryInScope(args);
    }) as unknown as pg.Pool['query'];
  }

  override connect(): Promise<pg.PoolClient>;
  override connect(callback: ConnectCallback): void;
  override connect(callback?: ConnectCallback): Promise<pg.PoolClient> | void {
    // Read the scope now, in the caller's async context.
    const connected = this.connectInScope(currentDbScope());
    if (!callback) return connected;
    connected.then(
      (client) => callback(undefined, client, (release) => client.release(release as Error | boolean | undefined)),
      (error: Error) => callback(error, undefined, () => undefined),
    );
  }

  private async connectInScope(scope: DbScope): Promise<pg.PoolClient> {
    const client = await super.connect();
    const key = scopeKey(scope);
    if (this.applied.get(client) === key) return client;
    try {
      this.applied.delete(client);
      await client.query(APPLY_SCOPE, [scope.kind === 'practice' ? scope.practiceId : '', scope.kind === 'system' ? 'on' : 'off']);
      this.applied.set(client, key);
      return client;
    } catch (error) {
      client.release(error as Error);
      throw error;
    }
  }

  private async queryInScope(args: unknown[]): Promise<pg.QueryResult> {
    const client = await this.connect();
    try {
      return await (client.query as (...a: unknown[]) => Promise<pg.QueryResult>)(...args);
    } finally {
      client.release();
    }
  }
}
