import { describe, expect, it } from 'vitest';
import { findSlots, openTime, type DiaryInputs } from './slot-finder';

const t = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();
const NY = 'America/New_York';
const mondayMornings: DiaryInputs = { timeZone: NY, weeklyHours: [{ weekday: 1, startMinute: 9 * 60, endMinute: 12 * 60 }], extraHours: [], timeOff: [], busy: [] };

describe('slot finder', () => {
  it('cuts weekly hours into slots on the step, in the practice’s time zone', () => {
    // Monday 2030-03-04, New York is UTC-5 (standard time).
    const slots = findSlots(mondayMornings, { from: t('2030-03-04T00:00:00Z'), to: t('2030-03-05T00:00:00Z'), durationMinutes: 50, stepMinutes: 30 });
    expect(slots.map((s) => iso(s.start))).toEqual(['2030-03-04T14:00:00.000Z', '2030-03-04T14:30:00.000Z', '2030-03-04T15:00:00.000Z', '2030-03-04T15:30:00.000Z', '2030-03-04T16:00:00.000Z']);
    expect(iso(slots[4]!.end)).toBe('2030-03-04T16:50:00.000Z');
  });

  it('keeps 09:00 at 09:00 local across the daylight-saving change', () => {
    // 2030-03-10 is the US spring-forward Sunday; the next Monday is UTC-4.
    const slots = findSlots(mondayMornings, { from: t('2030-03-04T00:00:00Z'), to: t('2030-03-12T00:00:00Z'), durationMinutes: 180, stepMinutes: 60 });
    expect(slots.map((s) => iso(s.start))).toEqual(['2030-03-04T14:00:00.000Z', '2030-03-11T13:00:00.000Z']);
  });

  it('keeps wall times on the days the clocks change, Sunday hours included', () => {
    const sundays: DiaryInputs = { ...mondayMornings, weeklyHours: [{ weekday: 7, startMinute: 9 * 60, endMinute: 11 * 60 }] };
    // Spring forward (2030-03-10, 02:00 becomes 03:00) and fall back (2030-11-03, 02:00 becomes 01:00).
    const spring = findSlots(sundays, { from: t('2030-03-10T00:00:00Z'), to: t('2030-03-11T00:00:00Z'), durationMinutes: 60, stepMinutes: 60 });
    expect(spring.map((s) => iso(s.start))).toEqual(['2030-03-10T13:00:00.000Z', '2030-03-10T14:00:00.000Z']);
    const autumn = findSlots(sundays, { from: t('2030-11-03T00:00:00Z'), to: t('2030-11-04T00:00:00Z'), durationMinutes: 60, stepMinutes: 60 });
    expect(autumn.map((s) => iso(s.start))).toEqual(['2030-11-03T14:00:00.000Z', '2030-11-03T15:00:00.000Z']);
  });

  it('counts steps from the local hour in a zone 45 minutes off the hour', () => {
    // Kathmandu is UTC+05:45: local 09:00 is 03:15 UTC; after a 09:10–10:00 visit the next half-hour step is 10:00.
    const diary: DiaryInputs = { ...mondayMornings, timeZone: 'Asia/Kathmandu', busy: [{ start: t('2030-03-04T03:25:00Z'), end: t('2030-03-04T04:15:00Z') }] };
    const slots = findSlots(diary, { from: t('2030-03-03T18:15:00Z'), to: t('2030-03-04T18:15:00Z'), durationMinutes: 50, stepMinutes: 30 });
    expect(slots.map((s) => iso(s.start))).toEqual(['2030-03-04T04:15:00.000Z', '2030-03-04T04:45:00.000Z', '2030-03-04T05:15:00.000Z']);
  });

  it('removes time off and busy time, adds extra hours, and never offers a slot that does not fit', () => {
    const diary: DiaryInputs = {
      ...mondayMornings,
      busy: [{ start: t('2030-03-04T14:30:00Z'), end: t('2030-03-04T15:20:00Z') }],
      timeOff: [{ start: t('2030-03-04T16:30:00Z'), end: t('2030-03-04T18:00:00Z') }],
      extraHours: [{ start: t('2030-03-05T22:00:00Z'), end: t('2030-03-05T23:00:00Z') }],
    };
    const slots = findSlots(diary, { from: t('2030-03-04T00:00:00Z'), to: t('2030-03-06T00:00:00Z'), durationMinutes: 50, stepMinutes: 30 });
    // 14:00 does not fit before the 14:30 visit; after it, the first step is 15:30, which ends before the 16:30 time off.
    expect(slots.map((s) => iso(s.start))).toEqual(['2030-03-04T15:30:00.000Z', '2030-03-05T22:00:00.000Z']);
  });

  it('clips to the asked range and merges touching blocks', () => {
    const diary: DiaryInputs = { ...mondayMornings, weeklyHours: [{ weekday: 1, startMinute: 540, endMinute: 600 }, { weekday: 1, startMinute: 600, endMinute: 660 }] };
    expect(openTime(diary, t('2030-03-04T14:30:00Z'), t('2030-03-05T00:00:00Z')).map((i) => [iso(i.start), iso(i.end)])).toEqual([['2030-03-04T14:30:00.000Z', '2030-03-04T16:00:00.000Z']]);
  });
});
