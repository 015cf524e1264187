import { describe, expect, it } from 'vitest';
import { outsideQuietHours, planReminders } from './reminder-plan';
import { DEFAULT_REMINDER_SETTINGS, type ReminderPlanSettings } from './reminder-settings';

// A practice in Chicago (UTC−5 in summer) with the defaults: 48 h and 2 h, email and SMS, quiet 21:00–08:00.
const chicago: ReminderPlanSettings = { ...DEFAULT_REMINDER_SETTINGS, timeZone: 'America/Chicago' };
const at = (iso: string) => new Date(iso);
const bookedAt = at('2030-06-01T12:00:00Z'); // a fixed clock: 07:00 in Chicago

describe('planReminders', () => {
  it('plans each offset on each channel, at start − offset when that is outside quiet hours', () => {
    // Wednesday 15:00 Chicago (20:00Z): 48 h before is Monday 15:00, 2 h before is 13:00.
    expect(planReminders(at('2030-06-05T20:00:00Z'), chicago, bookedAt)).toEqual([
      { offsetMinutes: 2880, channel: 'EMAIL', sendAt: at('2030-06-03T20:00:00Z') },
      { offsetMinutes: 2880, channel: 'SMS', sendAt: at('2030-06-03T20:00:00Z') },
      { offsetMinutes: 120, channel: 'EMAIL', sendAt: at('2030-06-05T18:00:00Z') },
      { offsetMinutes: 120, channel: 'SMS', sendAt: at('2030-06-05T18:00:00Z') },
    ]);
  });

  it('sends a reminder due in quiet hours at 20:59 the evening before, in the practice time zone', () => {
    // Wednesday 09:00 Chicago (14:00Z): the 2 h reminder is due 07:00, inside quiet hours that began
    // Tuesday 21:00 Chicago (Wednesday 02:00Z), so it goes at Tuesday 20:59 (Wednesday 01:59Z).
    const plan = planReminders(at('2030-06-05T14:00:00Z'), { ...chicago, channels: ['EMAIL'] }, bookedAt);
    expect(plan).toEqual([
      { offsetMinutes: 2880, channel: 'EMAIL', sendAt: at('2030-06-03T14:00:00Z') },
      { offsetMinutes: 120, channel: 'EMAIL', sendAt: at('2030-06-05T01:59:00Z') },
    ]);
  });

  it('moves a reminder due before midnight to the same evening', () => {
    // Due 23:30 Chicago on June 3 (04:30Z June 4): quiet hours began 21:00 that evening.
    expect(outsideQuietHours(at('2030-06-04T04:30:00Z'), chicago)).toEqual(at('2030-06-04T01:59:00Z'));
  });

  it('handles quiet hours that do not span midnight and settings without quiet hours', () => {
    const lunch = { ...chicago, quietHoursStart: '12:00', quietHoursEnd: '13:00' };
    expect(outsideQuietHours(at('2030-06-03T17:30:00Z'), lunch)).toEqual(at('2030-06-03T16:59:00Z')); // 12:30 → 11:59
    expect(outsideQuietHours(at('2030-06-03T18:00:00Z'), lunch)).toEqual(at('2030-06-03T18:00:00Z')); // 13:00 is outside
    const none = { ...chicago, quietHoursStart: '00:00', quietHoursEnd: '00:00' };
    expect(outsideQuietHours(at('2030-06-03T08:00:00Z'), none)).toEqual(at('2030-06-03T08:00:00Z'));
  });

  it('follows daylight saving time: the evening before a March change is still 20:59 local', () => {
    // US clocks spring forward on 2030-03-10. A 2 h reminder for 09:00 CDT March 10 (14:00Z) is due
    // 07:00 CDT; quiet hours began 21:00 CST March 9 (03:00Z March 10), so it goes 02:59Z.
    expect(planReminders(at('2030-03-10T14:00:00Z'), { ...chicago, offsetsMinutes: [120], channels: ['SMS'] }, at('2030-03-01T00:00:00Z'))).toEqual([
      { offsetMinutes: 120, channel: 'SMS', sendAt: at('2030-03-10T02:59:00Z') },
    ]);
  });

  it('skips reminders whose moment has passed at booking, including one moved before now', () => {
    // Booked 07:00 Chicago for 10:00 the same day: 48 h has passed, 2 h (08:00) is still ahead.
    expect(planReminders(at('2030-06-01T15:00:00Z'), chicago, bookedAt).map((r) => r.offsetMinutes)).toEqual([120, 120]);
    // Booked 07:00 for 09:00 today: the 2 h reminder would be due 07:00 in quiet hours → 20:59 last night: passed.
    expect(planReminders(at('2030-06-01T14:00:00Z'), chicago, bookedAt)).toEqual([]);
  });

  it('sends once when two offsets land on the same minute, and nothing when reminders are off', () => {
    // A 09:00 visit: 120 min (07:00) and 90 min (07:30) before are both in quiet hours → both 20:59.
    const plan = planReminders(at('2030-06-05T14:00:00Z'), { ...chicago, offsetsMinutes: [120, 90], channels: ['EMAIL'] }, bookedAt);
    expect(plan).toEqual([{ offsetMinutes: 120, channel: 'EMAIL', sendAt: at('2030-06-05T01:59:00Z') }]);
    expect(planReminders(at('2030-06-05T20:00:00Z'), { ...chicago, enabled: false }, bookedAt)).toEqual([]);
  });
});
