import type { Interval } from './slot-finder';

/**
 * Busy time from calendars outside Solace (a clinician's connected Google Calendar) that must
 * block availability; calendar-sync/calendar-connection.repository.ts reads what the worker copied.
 */
export interface BusyElsewhere {
  busy(practiceId: string, clinicianIds: string[], from: Date, to: Date): Promise<Map<string, Interval[]>>;
}
