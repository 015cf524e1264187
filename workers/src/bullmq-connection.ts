// BullMQ treats a Redis instance it is handed as shared and leaves it open on close(), so a closed
// queue or worker would leak its connection (and keep a process or test fork alive). Each queue
// and worker therefore gets connection options, and BullMQ owns and closes its own connection.
import { createRedis } from '@solace/server-kit';
import type { ConnectionOptions } from 'bullmq';

export function bullmqConnection(redisUrl: string): ConnectionOptions {
  // An unconnected client only to parse the URL exactly as the rest of Solace does (auth, db, tls).
  return { ...createRedis(redisUrl, { forBullMQ: true, lazyConnect: true }).options, lazyConnect: false };
}

/**
 * Where a queue or worker lives in Redis: its connection and key prefix. SOLACE_QUEUE_PREFIX
 * separates deployments sharing one Redis; the tests give every test file its own, so one file's
 * worker never takes another file's jobs.
 */
export function bullmqQueueOptions(redisUrl: string): { connection: ConnectionOptions; prefix: string } {
  return { connection: bullmqConnection(redisUrl), prefix: process.env.SOLACE_QUEUE_PREFIX ?? 'bull' };
}
