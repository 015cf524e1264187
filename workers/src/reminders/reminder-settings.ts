// A practice's reminder settings: the one definition of their defaults and limits, used by the
// scheduler here and by the appointments subgraph that lets admins change them.

export const REMINDER_CHANNELS = ['EMAIL', 'SMS'] as const;
export type ReminderChannel = (typeof REMINDER_CHANNELS)[number];

export interface ReminderSettingsValues {
  enabled: boolean;
  channels: ReminderChannel[];
  /** Minutes before the start, largest first. */
  offsetsMinutes: number[];
  /** Practice local time "HH:MM"; equal start and end means no quiet hours. */
  quietHoursStart: string;
  quietHoursEnd: string;
}

/** What the scheduler needs: the settings and the zone the quiet hours are in. */
export interface ReminderPlanSettings extends ReminderSettingsValues {
  timeZone: string;
}

export interface ReminderSettingsSource {
  forPractice(practiceId: string): Promise<ReminderPlanSettings>;
}

/** 48 h and 2 h before, by email and SMS (SMS only reaches clients who opted in), quiet 21:00–08:00. */
export const DEFAULT_REMINDER_SETTINGS: ReminderSettingsValues = {
  enabled: true,
  channels: ['EMAIL', 'SMS'],
  offsetsMinutes: [2880, 120],
  quietHoursStart: '21:00',
  quietHoursEnd: '08:00',
};

export const REMINDER_LIMITS = { minOffsets: 1, maxOffsets: 5, minOffsetMinutes: 15, maxOffsetMinutes: 14 * 24 * 60 } as const;
export const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Minutes after local midnight of an "HH:MM" time. */
export function minutesOfDay(clock: string): number {
  if (!CLOCK_TIME.test(clock)) throw new Error(`Not an HH:MM time: ${clock}`);
  const [hours, minutes] = clock.split(':').map(Number) as [number, number];
  return hours * 60 + minutes;
}
