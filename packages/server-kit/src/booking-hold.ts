// A slot held for ten minutes while someone books it online. The appointments subgraph takes holds
// (availability/slot-holds.ts); the patients subgraph attaches the client it matched or created
// from the booking form. The hold id is an unguessable capability: whoever has it may finish that
// one booking, nothing else.
import { randomBytes } from 'node:crypto';
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

// Taking holds: per clinician, a hash of holdId → "start,end,expiry" lets one Lua script refuse an
// overlapping hold atomically; each hold's details live under its own key with a TTL. Used by
// online booking (10 minutes) and waitlist offers (longer, the client answers by email).
const diaryKey = (practiceId: string, clinicianId: string) => `solace:holds:${practiceId}:${clinicianId}`;

// Drops lapsed holds (and the one being replaced), refuses an overlap, else records the hold.
const TAKE_HOLD = `
local now = tonumber(ARGV[1]); local s = tonumber(ARGV[2]); local e = tonumber(ARGV[3])
local all = redis.call('HGETALL', KEYS[1])
for i = 1, #all, 2 do
  local hs, he, hx = string.match(all[i + 1], '^(%d+),(%d+),(%d+)$')
  if tonumber(hx) <= now or all[i] == ARGV[6] then redis.call('HDEL', KEYS[1], all[i])
  elseif tonumber(hs) < e and s < tonumber(he) then return 0 end
end
redis.call('HSET', KEYS[1], ARGV[4], s .. ',' .. e .. ',' .. ARGV[5])
redis.call('PEXPIRE', KEYS[1], 86400000)
return 1`;

export class SlotHolds {
  constructor(private readonly redis: Redis) {}

  /** Holds [start, end) of a clinician; null when someone else holds an overlapping time. */
  async take(hold: Omit<BookingHold, 'holdId' | 'expiresAt'>, options: { replaces?: string; now?: number; minutes?: number } = {}): Promise<BookingHold | null> {
    const now = options.now ?? Date.now();
    const holdId = randomBytes(24).toString('base64url');
    const expires = now + (options.minutes ?? HOLD_MINUTES) * 60_000;
    const taken = await this.redis.eval(TAKE_HOLD, 1, diaryKey(hold.practiceId, hold.clinicianId), now, Date.parse(hold.startsAt), Date.parse(hold.endsAt), holdId, expires, options.replaces ?? '');
    if (taken !== 1) return null;
    const record: BookingHold = { ...hold, holdId, expiresAt: new Date(expires).toISOString() };
    await this.redis.set(holdKey(holdId), JSON.stringify(record), 'PX', expires - now);
    if (options.replaces) await this.redis.del(holdKey(options.replaces));
    return record;
  }

  get(holdId: string): Promise<BookingHold | null> {
    return readBookingHold(this.redis, holdId);
  }

  async release(hold: Pick<BookingHold, 'holdId' | 'practiceId' | 'clinicianId'>): Promise<void> {
    await this.redis.multi().hdel(diaryKey(hold.practiceId, hold.clinicianId), hold.holdId).del(holdKey(hold.holdId)).exec();
  }

  /** Live holds of these clinicians, as busy time; `except` is the caller's own hold. */
  async busy(practiceId: string, clinicianIds: string[], except?: string, now = Date.now()): Promise<Map<string, { start: number; end: number }[]>> {
    const pipeline = this.redis.pipeline();
    for (const id of clinicianIds) pipeline.hgetall(diaryKey(practiceId, id));
    const results = (await pipeline.exec()) ?? [];
    const byClinician = new Map<string, { start: number; end: number }[]>();
    clinicianIds.forEach((id, index) => {
      const entries = Object.entries((results[index]?.[1] ?? {}) as Record<string, string>);
      const live = entries
        .filter(([holdId]) => holdId !== except)
        .map(([, value]) => value.split(',').map(Number) as [number, number, number])
        .filter(([, , expiry]) => expiry > now)
        .map(([start, end]) => ({ start, end }));
      byClinician.set(id, live);
    });
    return byClinician;
  }
}
