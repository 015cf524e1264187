// Server-side session liveness in Redis: a key per sign-in session that expires after 15 idle
// minutes. Every request through the router renews it; logout and revocation delete it, which ends
// the session at once even though its access token has not expired yet.
import type { Redis } from 'ioredis';

export const SESSION_IDLE_SECONDS = 15 * 60;
const key = (sessionId: string) => `solace:session:${sessionId}`;

export async function startSessionLiveness(redis: Redis, sessionId: string): Promise<void> {
  await redis.set(key(sessionId), '1', 'EX', SESSION_IDLE_SECONDS);
}

/** Renews the idle timer; false when the session has ended or idled out. */
export async function touchSession(redis: Redis, sessionId: string): Promise<boolean> {
  return (await redis.set(key(sessionId), '1', 'EX', SESSION_IDLE_SECONDS, 'XX')) === 'OK';
}

export async function endSessionLiveness(redis: Redis, sessionIds: string[]): Promise<void> {
  if (sessionIds.length > 0) await redis.del(...sessionIds.map(key));
}

/** Whether the session still exists, without counting as activity (e.g. for a passive subscription). */
export async function isSessionAlive(redis: Redis, sessionId: string): Promise<boolean> {
  return (await redis.exists(key(sessionId))) === 1;
}
