// When each reminder of an appointment goes out, from the practice's settings.
//
// Quiet hours: a reminder that would fall inside them is sent at the last minute before they begin
// (20:59 for quiet hours from 21:00), not after they end: a 2-hour reminder for a 09:00 visit then
// arrives the evening before instead of one hour before the visit, which is still in time to plan
// the trip or cancel. If that moment has already passed when the visit is booked, the reminder is
// skipped like any other whose time has passed. Two reminders pushed to the same minute on one
// channel are sent once (the earlier offset wins), so nobody gets the same text twice in a row.
import { zonedDate, zonedWallTimeToUtc } from '@solace/server-kit';
import { minutesOfDay, type ReminderChannel, type ReminderPlanSettings } from './reminder-settings';

export interface PlannedReminder {
  offsetMinutes: number;
  channel: ReminderChannel;
  sendAt: Date;
}

export function planReminders(startsAt: Date, settings: ReminderPlanSettings, now: Date): PlannedReminder[] {
  if (!settings.enabled) return [];
  const planned: PlannedReminder[] = [];
  const taken = new Set<number>();
  for (const offsetMinutes of [...settings.offsetsMinutes].sort((a, b) => b - a)) {
    const sendAt = outsideQuietHours(new Date(startsAt.getTime() - offsetMinutes * 60_000), settings);
    if (sendAt.getTime() <= now.getTime() || taken.has(sendAt.getTime())) continue;
    taken.add(sendAt.getTime());
    for (const channel of settings.channels) planned.push({ offsetMinutes, channel, sendAt });
  }
  return planned;
}

/** The moment itself, or the last minute before the quiet hours it falls into began. */
export function outsideQuietHours(due: Date, settings: Pick<ReminderPlanSettings, 'quietHoursStart' | 'quietHoursEnd' | 'timeZone'>): Date {
  const start = minutesOfDay(settings.quietHoursStart);
  const end = minutesOfDay(settings.quietHoursEnd);
  if (start === end) return due; // no quiet hours
  const minute = localMinuteOfDay(due, settings.timeZone);
  const wraps = start > end; // e.g. 21:00–08:00 spans midnight
  const quiet = wraps ? minute >= start || minute < end : minute >= start && minute < end;
  if (!quiet) return due;
  // Quiet hours that span midnight began the evening before when we are past midnight.
  const day = zonedDate(due, settings.timeZone);
  const began = wraps && minute < end ? previousDay(day) : day;
  const quietStart = zonedWallTimeToUtc({ ...began, hour: Math.floor(start / 60), minute: start % 60 }, settings.timeZone);
  return new Date(quietStart.getTime() - 60_000);
}

function localMinuteOfDay(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', hour: '2-digit', minute: '2-digit' }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return get('hour') * 60 + get('minute');
}

function previousDay(day: { year: number; month: number; day: number }) {
  const date = new Date(Date.UTC(day.year, day.month - 1, day.day - 1));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}
