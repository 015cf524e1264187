import { endSessionLiveness, type Redis } from '@solace/server-kit';
import type { Job } from 'bullmq';
import { removeAppointmentReminders, type RemindersQueue } from '../reminders/reminders.queue';
import type { ClientErasureRepository } from './client-erasure.repository';
import type { ClientErasureJobData } from './client-erasure.queue';

export interface ClientErasureOutcome {
  sessionsEnded: number;
  appointmentsCancelled: number;
}

export async function processClientErasure(
  job: Pick<Job<ClientErasureJobData>, 'data'>,
  deps: { erasure: ClientErasureRepository; redis: Redis; reminders: RemindersQueue },
  now = new Date(),
): Promise<ClientErasureOutcome | { skipped: 'not-erased' }> {
  const { practiceId, clientId } = job.data;
  if (!(await deps.erasure.isErased(practiceId, clientId))) return { skipped: 'not-erased' };
  const sessions = await deps.erasure.removePortalAccount(practiceId, clientId, now);
  await endSessionLiveness(deps.redis, sessions);
  const cancelled = await deps.erasure.cancelFutureAppointments(practiceId, clientId, now);
  for (const appointmentId of cancelled) await removeAppointmentReminders(deps.reminders, appointmentId);
  await deps.erasure.leaveWaitlist(practiceId, clientId, now);
  return { sessionsEnded: sessions.length, appointmentsCancelled: cancelled.length };
}
