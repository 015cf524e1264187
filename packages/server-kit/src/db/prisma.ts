// The one way to make a Prisma client: the Rust-free client on the pg driver adapter, so no native
// engine is needed anywhere (TOOLCHAIN-NOTES). Only repositories import the client it returns.
// Its connections come from a TenantScopedPool, so every query runs under the caller's DbScope
// and PostgreSQL's row-level security backs up the repositories' practice filters.
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client';
import { TenantScopedPool } from './tenant-pool';

export type { PrismaClient } from '../generated/prisma/client';
export * as PrismaTypes from '../generated/prisma/client';

/** A pg pool whose connections carry the caller's DbScope (for SQL that Prisma does not write). */
export function createDbPool(databaseUrl: string, options: { poolSize?: number } = {}): TenantScopedPool {
  return new TenantScopedPool({ connectionString: databaseUrl, max: options.poolSize ?? 10 });
}

export function createPrismaClient(databaseUrl: string, options: { poolSize?: number } = {}): PrismaClient {
  // Prisma ends the pool when the client disconnects.
  const adapter = new PrismaPg(createDbPool(databaseUrl, options), { disposeExternalPool: true });
  return new PrismaClient({ adapter });
}
