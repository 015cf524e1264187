import { Redis } from 'ioredis';

// BullMQ requires maxRetriesPerRequest: null on the connections it uses for blocking commands.
export function createRedis(url: string, options: { forBullMQ?: boolean } = {}): Redis {
  return new Redis(url, {
    lazyConnect: false,
    maxRetriesPerRequest: options.forBullMQ ? null : 3,
  });
}

export type { Redis } from 'ioredis';
