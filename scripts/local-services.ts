// PostgreSQL and Redis for local runs: the given DATABASE_URL / REDIS_URL, or project-local servers
// with their data in the git-ignored .data/ folder (kept between runs).
import { resolveDatabaseUrls } from './db/database-urls';
import { startLocalPostgres } from './infra/postgres';
import { startLocalRedis } from './infra/redis';

export interface LocalServices {
  /** The services' role (solace_app), subject to row-level security. */
  databaseUrl: string;
  /** The tables' owner, for migrations and seeding. */
  ownerDatabaseUrl: string;
  redisUrl: string;
  /** Stops only what this function started. */
  stop(): void;
}

export function ensureLocalServices(kind: 'dev' | 'bench'): LocalServices {
  const stops: Array<() => void> = [];
  const ports = kind === 'dev' ? { postgres: 54329, redis: 63799 } : { postgres: 54349, redis: 63819 };
  const { ownerUrl, appUrl } = resolveDatabaseUrls(process.env, () => {
    const postgres = startLocalPostgres({ dataDir: `.data/${kind}-postgres`, port: ports.postgres, database: 'solace' });
    stops.push(postgres.stop);
    return postgres.url;
  });
  let redisUrl = process.env.REDIS_URL;
  if (!redisUrl) {
    const redis = startLocalRedis({ dataDir: `.data/${kind}-redis`, port: ports.redis, persist: kind === 'dev' });
    redisUrl = redis.url;
    stops.push(redis.stop);
  }
  return { databaseUrl: appUrl, ownerDatabaseUrl: ownerUrl, redisUrl, stop: () => stops.reverse().forEach((stop) => stop()) };
}
