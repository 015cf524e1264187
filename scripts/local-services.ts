// PostgreSQL and Redis for local runs: the given DATABASE_URL / REDIS_URL, or project-local servers
// with their data in the git-ignored .data/ folder (kept between runs).
import { startLocalPostgres } from './infra/postgres';
import { startLocalRedis } from './infra/redis';

export interface LocalServices {
  databaseUrl: string;
  redisUrl: string;
  /** Stops only what this function started. */
  stop(): void;
}

export function ensureLocalServices(kind: 'dev' | 'bench'): LocalServices {
  const stops: Array<() => void> = [];
  const ports = kind === 'dev' ? { postgres: 54329, redis: 63799 } : { postgres: 54349, redis: 63819 };
  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    const postgres = startLocalPostgres({ dataDir: `.data/${kind}-postgres`, port: ports.postgres, database: 'solace' });
    databaseUrl = postgres.url;
    stops.push(postgres.stop);
  }
  let redisUrl = process.env.REDIS_URL;
  if (!redisUrl) {
    const redis = startLocalRedis({ dataDir: `.data/${kind}-redis`, port: ports.redis, persist: kind === 'dev' });
    redisUrl = redis.url;
    stops.push(redis.stop);
  }
  return { databaseUrl, redisUrl, stop: () => stops.reverse().forEach((stop) => stop()) };
}
