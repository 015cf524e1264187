// Events for subscriptions travel through Redis pub/sub. An event carries keys only, never PHI:
// the router re-reads everything else through the gateway with the subscriber's own identity
// (ARCHITECTURE rule 7). Publish only after the transaction that made the change has committed.
import type { Redis } from 'ioredis';

export interface SubscriptionEvent {
  /** Practice the event belongs to; the router refuses to deliver it to anyone outside it. */
  practiceId: string;
  /** The keys the router needs to look the entity up again. */
  keys: Record<string, string>;
}

/** One channel per root subscription field and practice, narrowed by an optional topic (e.g. a thread id). */
export function channelFor(field: string, practiceId: string, topic?: string): string {
  return ['solace', practiceId, field, topic].filter(Boolean).join(':');
}

export async function publishEvent(redis: Redis, channel: string, event: SubscriptionEvent): Promise<void> {
  await redis.publish(channel, JSON.stringify(event));
}
