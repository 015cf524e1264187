import { describe, expect, it } from 'vitest';
import { formatAppointmentTime } from './reminders.processor';

describe('formatAppointmentTime', () => {
  it("shows the practice's local time and names the zone", () => {
    const startsAt = new Date('2030-01-15T15:00:00Z');
    expect(formatAppointmentTime(startsAt, 'America/New_York')).toBe('Tuesday, January 15, 2030 at 10:00 AM EST');
    expect(formatAppointmentTime(startsAt, 'Asia/Kolkata')).toBe('Tuesday, January 15, 2030 at 8:30 PM GMT+5:30');
  });

  it('follows daylight saving time and local dates across midnight', () => {
    expect(formatAppointmentTime(new Date('2030-07-15T03:30:00Z'), 'America/Los_Angeles')).toBe('Sunday, July 14, 2030 at 8:30 PM PDT');
  });
});
