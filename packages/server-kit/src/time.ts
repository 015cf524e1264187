// Time is stored in UTC and shown in the practice's time zone (ARCHITECTURE rule 8).

/** The UTC instant of a wall-clock time in an IANA time zone (DST-aware via Intl). */
export function zonedWallTimeToUtc(date: { year: number; month: number; day: number; hour: number; minute: number }, timeZone: string): Date {
  const wallAsUtc = Date.UTC(date.year, date.month - 1, date.day, date.hour, date.minute);
  // Two passes settle the offset even when the first guess lands across a DST change.
  let instant = wallAsUtc - offsetMs(wallAsUtc, timeZone);
  instant = wallAsUtc - offsetMs(instant, timeZone);
  return new Date(instant);
}

/** The calendar date (year, month, day) of an instant in a time zone. */
export function zonedDate(instant: Date, timeZone: string): { year: number; month: number; day: number } {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day') };
}

function offsetMs(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(instant / 1000) * 1000;
}
