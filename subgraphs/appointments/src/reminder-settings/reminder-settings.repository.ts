import type { PrismaClient } from '@solace/server-kit';
import { DEFAULT_REMINDER_SETTINGS, type ReminderSettingsValues } from '@solace/workers';

const FIELDS = { enabled: true, channels: true, offsetsMinutes: true, quietHoursStart: true, quietHoursEnd: true } as const;

export class ReminderSettingsRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** The saved settings, or the defaults until an admin saves some. */
  async get(practiceId: string): Promise<ReminderSettingsValues> {
    return (await this.prisma.reminderSettings.findFirst({ where: { practiceId }, select: FIELDS })) ?? DEFAULT_REMINDER_SETTINGS;
  }

  save(practiceId: string, settings: ReminderSettingsValues): Promise<ReminderSettingsValues & { id: string }> {
    return this.prisma.reminderSettings.upsert({ where: { practiceId }, create: { practiceId, ...settings }, update: settings, select: { ...FIELDS, id: true } });
  }
}
