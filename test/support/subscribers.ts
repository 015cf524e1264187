import { Redis } from 'ioredis';

/** Resolves once someone (the router) listens on a Redis channel, so a publish cannot be missed. */
export async function waitForSubscriber(channelPattern: string, timeoutMs = 10_000): Promise<void> {
  const redis = new Redis(process.env.REDIS_URL!);
  try {
    const deadline = Date.now() + timeoutMs;
    while (((await redis.pubsub('CHANNELS', channelPattern)) as string[]).length === 0) {
      if (Date.now() > deadline) throw new Error(`Nobody subscribed to ${channelPattern} within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    redis.disconnect();
  }
}
