// The documentation deadline, in one place: the Georgia default is seven days after the session.
// The compliance engine makes the day count a per-practice rule; callers pass it in as `days`.
const DAY_MS = 86_400_000;
export const DEFAULT_NOTE_DUE_DAYS = 7;

/** The practice's day count (its compliance rules' supervisor-alert day: the 7-day rule). */
export type NoteDueDays = (practiceId: string) => Promise<number>;

export function noteDueAt(serviceDate: Date, days = DEFAULT_NOTE_DUE_DAYS): Date {
  return new Date(serviceDate.getTime() + days * DAY_MS);
}

/** Whole days past the deadline (0 while it has not passed). */
export function daysOverdue(dueAt: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - dueAt.getTime()) / DAY_MS));
}
