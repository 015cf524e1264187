// A slot held for ten minutes while someone books it online. The appointments subgraph takes holds
// (availability/slot-holds.ts); the patients subgraph attaches the client it matched or created
// from the booking form. The hold id is an unguessable capability: whoever has it may finish that
// one booking, nothing else.
import type { Redis } from 'ioredis';

export const HOLD_MINUTES = 10;

export interface BookingHold {
  holdId: string;
  practiceId: string;
  clinicianId: string;
  serviceId: string;
  startsAt: string;
  endsAt: string;
  expiresAt: string;
  /** Set once the client's details are in (patients subgraph). */
  clientId?: string;
}

export const holdKey = (holdId: string) => `solace:hold:${holdId}`;

export async function readBookingHold(redis: Redis, holdId: string): Promise<BookingHold | null> {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(holdId)) return null;
  const raw = await redis.get(holdKey(holdId));
  return raw ? (JSON.parse(raw) as BookingHold) : null;
}

/** Records the client on a live hold, keeping its expiry. False when the hold has lapsed. */
export async function attachClientToHold(redis: Redis, holdId: string, clientId: string): Promise<boolean> {
  const hold = await readBookingHold(redis, holdId);
  if (!hold) return false;
  const result = await redis.set(holdKey(holdId), JSON.stringify({ ...hold, clientId }), 'KEEPTTL', 'XX');
  return result === 'OK';
}
