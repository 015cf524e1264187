// Applies the committed migrations in prisma/migrations without Prisma's native schema engine
// (which cannot be downloaded on machines without internet; see TOOLCHAIN-NOTES). It keeps the same
// bookkeeping table as `prisma migrate deploy` (_prisma_migrations, sha256 checksums), so either tool
// can take over a database the other migrated. Each migration runs in one transaction.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { appUrlFor, ensureAppLogin, type DatabaseUrls } from './database-urls';

const MIGRATIONS_DIR = resolve(__dirname, '../../prisma/migrations');

export async function migrate(databaseUrl: string, log: (line: string) => void = console.log): Promise<string[]> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    // Serialise concurrent migrators (several test workers, several replicas starting at once).
    await db.query('select pg_advisory_lock(72634001)');
    await db.query(`create table if not exists "_prisma_migrations" (
      "id" varchar(36) primary key, "checksum" varchar(64) not null, "finished_at" timestamptz,
      "migration_name" varchar(255) not null, "logs" text, "rolled_back_at" timestamptz,
      "started_at" timestamptz not null default now(), "applied_steps_count" integer not null default 0)`);
    const applied = await db.query<{ migration_name: string; checksum: string }>(
      'select migration_name, checksum from "_prisma_migrations" where finished_at is not null and rolled_back_at is null',
    );
    const appliedByName = new Map(applied.rows.map((row) => [row.migration_name, row.checksum]));
    const names = readdirSync(MIGRATIONS_DIR)
      .filter((name) => existsSync(join(MIGRATIONS_DIR, name, 'migration.sql')))
      .sort();
    const newlyApplied: string[] = [];
    for (const name of names) {
      const sql = readFileSync(join(MIGRATIONS_DIR, name, 'migration.sql'), 'utf8');
      const checksum = createHash('sha256').update(sql).digest('hex');
      const previous = appliedByName.get(name);
      if (previous !== undefined) {
        if (previous !== checksum) throw new Error(`Migration ${name} was edited after it was applied; add a new migration instead.`);
        continue;
      }
      await db.query('begin');
      try {
        await db.query(sql);
        await db.query(
          `insert into "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
           values ($1, $2, $3, now(), now(), 1)`,
          [randomUUID(), checksum, name],
        );
        await db.query('commit');
      } catch (error) {
        await db.query('rollback');
        throw new Error(`Migration ${name} failed: ${(error as Error).message}`, { cause: error });
      }
      log(`[db] applied ${name}`);
      newlyApplied.push(name);
    }
    return newlyApplied;
  } finally {
    await db.query('select pg_advisory_unlock(72634001)').catch(() => undefined);
    await db.end();
  }
}

/** Migrates as the owner, then lets the services' user sign in as solace_app. */
export async function prepareDatabase(urls: DatabaseUrls, log: (line: string) => void = console.log): Promise<string[]> {
  const applied = await migrate(urls.ownerUrl, log);
  await ensureAppLogin(urls.ownerUrl, urls.appUrl);
  return applied;
}

if (require.main === module) {
  // DATABASE_OWNER_URL migrates; DATABASE_URL (when both are set) is the services' user to enable.
  const ownerUrl = process.env.DATABASE_OWNER_URL ?? process.env.DATABASE_URL;
  if (!ownerUrl) {
    console.error('DATABASE_OWNER_URL (or DATABASE_URL) is not set.');
    process.exit(1);
  }
  const appUrl = process.env.DATABASE_OWNER_URL && process.env.DATABASE_URL ? process.env.DATABASE_URL : appUrlFor(ownerUrl);
  prepareDatabase({ ownerUrl, appUrl }).then(
    (applied) => console.log(applied.length ? `[db] ${applied.length} migration(s) applied` : '[db] database is up to date'),
    (error: Error) => {
      console.error(error.message);
      process.exit(1);
    },
  );
}
