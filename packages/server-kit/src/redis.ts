import { Redis } from 'ioredis';

// BullMQ requires maxRetriesPerRequest: null on the connections it uses for blocking commands.
export function createRedis(url: string, options: { forBullMQ?: boolean; lazyConnect?: boolean } = {}): Redis {
  return new Redis(url, {
    lazyConnect: options.lazyConnect ?? false,
    maxRetriesPerRequest: options.forBullMQ ? null : 3,
  });
}

export type { Redis } from 'ioredis';
