import { runInPracticeScope, type PrismaClient } from '@solace/server-kit';
import { DEFAULT_REMINDER_SETTINGS, type ReminderPlanSettings, type ReminderSettingsSource } from './reminder-settings';

/**
 * Reads a practice's reminder settings for the scheduler. It runs in that practice's scope itself:
 * the scheduler is called after a booking commits, and must not depend on the caller's scope.
 */
export class ReminderPlanSettingsRepository implements ReminderSettingsSource {
  constructor(private readonly prisma: PrismaClient) {}

  forPractice(practiceId: string): Promise<ReminderPlanSettings> {
    return runInPracticeScope(practiceId, async () => {
      const [settings, practice] = await Promise.all([
        this.prisma.reminderSettings.findFirst({
          where: { practiceId },
          select: { enabled: true, channels: true, offsetsMinutes: true, quietHoursStart: true, quietHoursEnd: true },
        }),
        this.prisma.practice.findFirst({ where: { id: practiceId }, select: { timeZone: true } }),
      ]);
      if (!practice) throw new Error(`Practice ${practiceId} not found`);
      return { ...(settings ?? DEFAULT_REMINDER_SETTINGS), timeZone: practice.timeZone };
    });
  }
}
