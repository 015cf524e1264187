// Moves every upcoming reminder of a practice onto its current settings (reminder-replans.queue.ts).
// Rescheduling is idempotent, so a retried or repeated job leaves the same jobs behind.
import type { Job } from 'bullmq';
import type { ReminderRepository } from './reminder.repository';
import type { ReminderReplanJobData } from './reminder-replans.queue';
import { rescheduleAppointmentReminders, type RemindersQueue } from './reminders.queue';

export async function processReminderReplan(
  job: Pick<Job<ReminderReplanJobData>, 'data'>,
  deps: { reminders: ReminderRepository; queue: RemindersQueue; now?: () => Date },
): Promise<{ replanned: number }> {
  const { practiceId, requestId } = job.data;
  const now = deps.now?.() ?? new Date();
  if (!deps.queue.settings) throw new Error('Re-planning needs a reminders queue with a settings source.');
  const settings = await deps.queue.settings.forPractice(practiceId);
  const upcoming = await deps.reminders.upcomingAppointments(practiceId, now);
  for (const appointment of upcoming) {
    await rescheduleAppointmentReminders(deps.queue, { appointmentId: appointment.id, practiceId, startsAt: appointment.startsAt, requestId }, now, settings);
  }
  return { replanned: upcoming.length };
}
