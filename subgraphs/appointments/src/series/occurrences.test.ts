import { describe, expect, it } from 'vitest';
import { expand, RecurrenceError, ruleFor, shiftByWallClock } from './occurrences';

const NY = 'America/New_York';
const iso = (dates: Date[]) => dates.map((d) => d.toISOString());

describe('series occurrences', () => {
  it('repeats weekly at the same local time across the daylight-saving change', () => {
    // Monday 2030-03-04 10:00 EST; DST starts 2030-03-10.
    expect(iso(expand(ruleFor('WEEKLY', { count: 3 }, NY), new Date('2030-03-04T15:00:00Z'), NY))).toEqual(['2030-03-04T15:00:00.000Z', '2030-03-11T14:00:00.000Z', '2030-03-18T14:00:00.000Z']);
  });

  it('repeats every two weeks until a last date (inclusive)', () => {
    const rule = ruleFor('EVERY_TWO_WEEKS', { until: new Date('2030-04-01T14:00:00Z') }, NY);
    expect(iso(expand(rule, new Date('2030-03-04T15:00:00Z'), NY))).toEqual(['2030-03-04T15:00:00.000Z', '2030-03-18T14:00:00.000Z', '2030-04-01T14:00:00.000Z']);
  });

  it('repeats monthly on the same day, skipping months without it (RFC 5545)', () => {
    expect(iso(expand(ruleFor('MONTHLY', { count: 3 }, NY), new Date('2030-01-31T15:00:00Z'), NY))).toEqual(['2030-01-31T15:00:00.000Z', '2030-03-31T14:00:00.000Z', '2030-05-31T14:00:00.000Z']);
  });

  it('accepts a written rule, and refuses endless, oversized or malformed ones', () => {
    expect(expand('FREQ=WEEKLY;BYDAY=MO,TH;COUNT=4', new Date('2030-03-04T15:00:00Z'), NY)).toHaveLength(4);
    expect(() => expand('FREQ=WEEKLY', new Date('2030-03-04T15:00:00Z'), NY)).toThrow(RecurrenceError);
    expect(() => expand('FREQ=DAILY;COUNT=301', new Date('2030-03-04T15:00:00Z'), NY)).toThrow(RecurrenceError);
    expect(() => expand('FREQ=DAILY;UNTIL=20330101T000000', new Date('2030-03-04T15:00:00Z'), NY)).toThrow(/more than 300/);
    expect(() => expand('FREQ=SOMETIMES;COUNT=2', new Date('2030-03-04T15:00:00Z'), NY)).toThrow(RecurrenceError);
  });

  it('shifts later sessions by the same wall-clock change as the moved one', () => {
    // Monday 10:00 moved to Tuesday 09:30 → the next Monday 10:00 (after DST) becomes Tuesday 09:30.
    expect(shiftByWallClock(new Date('2030-03-11T14:00:00Z'), new Date('2030-03-04T15:00:00Z'), new Date('2030-03-05T14:30:00Z'), NY).toISOString()).toBe('2030-03-12T13:30:00.000Z');
  });
});
