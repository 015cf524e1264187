// Expands an RFC 5545 recurrence rule in the practice's time zone. The rule is evaluated on
// "floating" wall-clock times (the rrule library's UTC fields stand for local ones), then each
// local time becomes a real instant, so a 10:00 session stays at 10:00 across daylight-saving
// changes — as a calendar app would do with DTSTART;TZID=...
import { DateTime } from 'luxon';
import { rrulestr, type RRule } from 'rrule';

export const MAX_OCCURRENCES = 300;

export const Frequency = { WEEKLY: 'WEEKLY', EVERY_TWO_WEEKS: 'EVERY_TWO_WEEKS', MONTHLY: 'MONTHLY' } as const;
export type Frequency = (typeof Frequency)[keyof typeof Frequency];

export class RecurrenceError extends Error {}

/** The RRULE text for the frequencies offered in the booking dialog. */
export function ruleFor(frequency: Frequency, end: { count?: number; until?: Date }, timeZone: string): string {
  const parts = frequency === Frequency.MONTHLY ? ['FREQ=MONTHLY'] : ['FREQ=WEEKLY', `INTERVAL=${frequency === Frequency.EVERY_TWO_WEEKS ? 2 : 1}`];
  if (end.count !== undefined) parts.push(`COUNT=${end.count}`);
  // UNTIL is inclusive; written as floating local time to match how the rule is evaluated.
  else if (end.until) parts.push(`UNTIL=${DateTime.fromJSDate(end.until, { zone: timeZone }).toFormat("yyyyMMdd'T'HHmmss")}`);
  return parts.join(';');
}

/** Occurrence start instants of `rule` from `firstStartsAt` (itself the first), at most 300. */
export function expand(rule: string, firstStartsAt: Date, timeZone: string): Date[] {
  const local = DateTime.fromJSDate(firstStartsAt, { zone: timeZone });
  const floatingStart = new Date(Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute));
  let parsed: RRule;
  try {
    parsed = rrulestr(`RRULE:${rule.replace(/^RRULE:/, '')}`, { dtstart: floatingStart }) as RRule;
  } catch (error) {
    throw new RecurrenceError(`Not a recurrence rule: ${(error as Error).message}`);
  }
  const { count, until } = parsed.origOptions;
  if (count === undefined && !until) throw new RecurrenceError('A series needs an end: a number of sessions (COUNT) or a last date (UNTIL).');
  if (count !== undefined && count !== null && (count < 1 || count > MAX_OCCURRENCES)) throw new RecurrenceError(`A series has 1 to ${MAX_OCCURRENCES} sessions.`);
  const floating = parsed.all((_, index) => index < MAX_OCCURRENCES + 1);
  if (floating.length > MAX_OCCURRENCES) throw new RecurrenceError(`That rule makes more than ${MAX_OCCURRENCES} sessions; end it sooner.`);
  return floating.map((f) =>
    DateTime.fromObject({ year: f.getUTCFullYear(), month: f.getUTCMonth() + 1, day: f.getUTCDate(), hour: f.getUTCHours(), minute: f.getUTCMinutes() }, { zone: timeZone }).toJSDate(),
  );
}

/**
 * Moves an instant by the wall-clock difference between two local times (e.g. "two days later,
 * 30 minutes earlier"), the way moving one session of a series moves the following ones.
 */
export function shiftByWallClock(instant: Date, from: Date, to: Date, timeZone: string): Date {
  const a = DateTime.fromJSDate(from, { zone: timeZone });
  const b = DateTime.fromJSDate(to, { zone: timeZone });
  const days = Math.round(b.startOf('day').diff(a.startOf('day'), 'days').days);
  const minutes = b.hour * 60 + b.minute - (a.hour * 60 + a.minute);
  const local = DateTime.fromJSDate(instant, { zone: timeZone });
  const total = local.hour * 60 + local.minute + minutes;
  const carry = Math.floor(total / 1440);
  const wall = total - carry * 1440;
  // `set` keeps wall-clock semantics, so a DST change between the two dates does not move the hour.
  return local
    .plus({ days: days + carry })
    .set({ hour: Math.floor(wall / 60), minute: wall % 60, second: 0, millisecond: 0 })
    .toJSDate();
}
