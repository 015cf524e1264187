// Starts real PostgreSQL and Redis for the test run unless DATABASE_URL / REDIS_URL are given,
// migrates, and hands the URLs to every test process through the environment.
import { migrate } from '../../scripts/db/migrate';
import { startLocalPostgres } from '../../scripts/infra/postgres';
import { startLocalRedis } from '../../scripts/infra/redis';

export default async function setup(): Promise<() => void> {
  const stops: Array<() => void> = [];
  if (!process.env.DATABASE_URL) {
    const postgres = startLocalPostgres({ dataDir: '.data/test-postgres', port: 54339, database: 'solace_test' });
    process.env.DATABASE_URL = postgres.url;
    stops.push(postgres.stop);
  }
  if (!process.env.REDIS_URL) {
    const redis = startLocalRedis({ dataDir: '.data/test-redis', port: 63809, persist: false });
    process.env.REDIS_URL = redis.url;
    stops.push(redis.stop);
  }
  await migrate(process.env.DATABASE_URL, () => undefined);
  // The data stays in .data/test-postgres between runs; every test makes its own unique rows.
  return () => stops.forEach((stop) => stop());
}
