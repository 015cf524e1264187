// Calendar dates (no time of day) travel as YYYY-MM-DD strings and are stored as DATE columns.
export const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;
export const toCalendarDate = (date: Date) => date.toISOString().slice(0, 10);
export const fromCalendarDate = (value: string) => new Date(`${value}T00:00:00Z`);
export const todayCalendarDate = (now = new Date()) => toCalendarDate(now);

/** Whole years between a date of birth and a day, both YYYY-MM-DD (birthdays count on the day). */
export function ageOn(dateOfBirth: string, day: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
