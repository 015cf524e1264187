// Ten-minute holds on slots (online booking and waitlist offers), in Redis so every subgraph copy
// sees them. Per clinician, a hash of holdId → "start,end,expiry" lets one Lua script refuse an
// overlapping hold atomically; each hold's details live under its own key with a TTL.
import { randomBytes } from 'node:crypto';
import { HOLD_MINUTES, holdKey, readBookingHold, type BookingHold, type Redis } from '@solace/server-kit';
import type { Interval } from './slot-finder';

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
  async take(hold: Omit<BookingHold, 'holdId' | 'expiresAt'>, options: { replaces?: string; now?: number } = {}): Promise<BookingHold | null> {
    const now = options.now ?? Date.now();
    const holdId = randomBytes(24).toString('base64url');
    const expires = now + HOLD_MINUTES * 60_000;
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
  async busy(practiceId: string, clinicianIds: string[], except?: string, now = Date.now()): Promise<Map<string, Interval[]>> {
    const pipeline = this.redis.pipeline();
    for (const id of clinicianIds) pipeline.hgetall(diaryKey(practiceId, id));
    const results = (await pipeline.exec()) ?? [];
    const byClinician = new Map<string, Interval[]>();
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
