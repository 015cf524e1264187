import type { Interval } from './slot-finder';

/**
 * Busy time from calendars outside Solace (a clinician's connected Google Calendar) that must
 * block availability. The calendar-sync module provides the real one.
 */
export interface BusyElsewhere {
  busy(practiceId: string, clinicianIds: string[], from: Date, to: Date): Promise<Map<string, Interval[]>>;
}

export const NOTHING_ELSEWHERE: BusyElsewhere = { busy: async () => new Map() };
