// The one way to make a Prisma client: the Rust-free client on the pg driver adapter, so no native
// engine is needed anywhere (TOOLCHAIN-NOTES). Only repositories import the client it returns.
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client';

export type { PrismaClient } from './generated/prisma/client';
export * as PrismaTypes from './generated/prisma/client';

export function createPrismaClient(databaseUrl: string, options: { poolSize?: number } = {}): PrismaClient {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: options.poolSize ?? 10 });
  return new PrismaClient({ adapter });
}
