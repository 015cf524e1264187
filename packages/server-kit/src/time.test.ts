import { describe, expect, it } from 'vitest';
import { zonedDate, zonedWallTimeToUtc } from './time';

describe('practice time zones', () => {
  it('turns a wall-clock time into UTC across daylight saving time', () => {
    expect(zonedWallTimeToUtc({ year: 2026, month: 1, day: 15, hour: 9, minute: 0 }, 'America/New_York').toISOString()).toBe('2026-01-15T14:00:00.000Z');
    expect(zonedWallTimeToUtc({ year: 2026, month: 7, day: 15, hour: 9, minute: 0 }, 'America/New_York').toISOString()).toBe('2026-07-15T13:00:00.000Z');
    expect(zonedWallTimeToUtc({ year: 2026, month: 3, day: 8, hour: 9, minute: 30 }, 'America/New_York').toISOString()).toBe('2026-03-08T13:30:00.000Z');
    expect(zonedWallTimeToUtc({ year: 2026, month: 7, day: 1, hour: 0, minute: 0 }, 'Asia/Kolkata').toISOString()).toBe('2026-06-30T18:30:00.000Z');
  });

  it('finds the local calendar date of an instant', () => {
    expect(zonedDate(new Date('2026-11-22T03:00:00Z'), 'America/New_York')).toEqual({ year: 2026, month: 11, day: 21 });
    expect(zonedDate(new Date('2026-11-22T03:00:00Z'), 'Europe/Berlin')).toEqual({ year: 2026, month: 11, day: 22 });
  });
});
