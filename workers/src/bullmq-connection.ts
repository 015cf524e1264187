// BullMQ treats a Redis instance it is handed as shared and leaves it open on close(), so a closed
// queue or worker would leak its connection (and keep a process or test fork alive). Each queue
// and worker therefore gets connection options, and BullMQ owns and closes its own connection.
import { createRedis } from '@solace/server-kit';
import type { ConnectionOptions } from 'bullmq';

export function bullmqConnection(redisUrl: string): ConnectionOptions {
  // An unconnected client only to parse the URL exactly as the rest of Solace does (auth, db, tls).
  return { ...createRedis(redisUrl, { forBullMQ: true, lazyConnect: true }).options, lazyConnect: false };
}
