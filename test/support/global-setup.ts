// Starts real PostgreSQL and Redis for the test run unless DATABASE_OWNER_URL / DATABASE_URL /
// REDIS_URL are given, migrates, and hands the URLs to every test process through the environment:
// DATABASE_OWNER_URL (factories and tamper tests, which act as the tables' owner) and DATABASE_URL
// (the services under test: solace_app, subject to row-level security).
import { resolveDatabaseUrls } from '../../scripts/db/database-urls';
import { prepareDatabase } from '../../scripts/db/migrate';
import { startLocalPostgres } from '../../scripts/infra/postgres';
import { startLocalRedis } from '../../scripts/infra/redis';
import { startLocalS3 } from '../../scripts/infra/s3';

export default async function setup(): Promise<() => void> {
  const stops: Array<() => void> = [];
  const urls = resolveDatabaseUrls(process.env, () => {
    const postgres = startLocalPostgres({ dataDir: '.data/test-postgres', port: 54339, database: 'solace_test' });
    stops.push(postgres.stop);
    return postgres.url;
  });
  process.env.DATABASE_OWNER_URL = urls.ownerUrl;
  process.env.DATABASE_URL = urls.appUrl;
  if (!process.env.REDIS_URL) {
    const redis = startLocalRedis({ dataDir: '.data/test-redis', port: 63809, persist: false });
    process.env.REDIS_URL = redis.url;
    stops.push(redis.stop);
  }
  await prepareDatabase(urls, () => undefined);
  if (!process.env.SOLACE_S3_ENDPOINT) {
    // Client documents: a local S3-compatible server, on a free port, for this run only.
    const s3 = await startLocalS3({ dataDir: '.data/test-s3', port: 0 });
    process.env.SOLACE_S3_ENDPOINT = s3.url;
    stops.push(() => void s3.stop());
  }
  // The data stays in .data/test-postgres between runs; every test makes its own unique rows.
  return () => stops.forEach((stop) => stop());
}
