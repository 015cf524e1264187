// The production side effects of an appointment change, run after the change committed:
// reminders are (re)scheduled in BullMQ and subscribers are told through Redis.
import { channelFor, publishEvent, type Logger, type Redis } from '@solace/server-kit';
import {
  removeAppointmentReminders,
  rescheduleAppointmentReminders,
  scheduleAppointmentReminders,
  enqueuePush,
  enqueueSlotFreed,
  type CalendarSyncQueue,
  type RemindersQueue,
  type WaitlistQueue,
} from '@solace/workers';
import type { AppointmentSideEffects } from './appointment.events';

export function createAppointmentSideEffects(deps: {
  queue: () => RemindersQueue;
  waitlist: () => WaitlistQueue;
  /** Present when outside calendars can be connected (Google credentials configured). */
  calendarSync?: () => CalendarSyncQueue;
  redis: Redis;
  log: Logger;
}): AppointmentSideEffects {
  const { redis, log } = deps;

  // A lost reminder must not undo a booking that has committed; it is logged loudly instead.
  // (A transactional outbox would make this exactly-once; see the closing notes of issue 2.)
  const safely = async (what: string, appointmentId: string, work: () => Promise<unknown>) => {
    try {
      await work();
    } catch (error) {
      log.error({ err: error, appointmentId }, `appointment side effect failed: ${what}`);
    }
  };

  const metricsChanged = (practiceId: string) => publishEvent(redis, channelFor('practiceMetricsUpdated', practiceId), { practiceId, keys: {} });
  // Open calendars of the practice re-read the appointment as each subscriber (ids only on the wire).
  const appointmentChanged = (appointment: { id: string; practiceId: string }) =>
    safely('publish appointment change', appointment.id, () => publishEvent(redis, channelFor('appointmentChanged', appointment.practiceId), { practiceId: appointment.practiceId, keys: { id: appointment.id } }));

  // A future time that opens up is offered to the waitlist (workers/src/waitlist).
  const freed = (appointment: { id: string; practiceId: string; clinicianId: string }, window: { startsAt: Date; endsAt: Date }, cause: string) =>
    window.startsAt.getTime() > Date.now()
      ? safely('offer freed time to the waitlist', appointment.id, () =>
          enqueueSlotFreed(deps.waitlist(), { practiceId: appointment.practiceId, clinicianId: appointment.clinicianId, startsAt: window.startsAt.toISOString(), endsAt: window.endsAt.toISOString(), cause }),
        )
      : Promise.resolve();

  // Clinicians' connected outside calendars mirror the change (workers/src/calendar-sync).
  const mirror = (appointment: { id: string; practiceId: string }) =>
    deps.calendarSync ? safely('mirror to outside calendar', appointment.id, () => enqueuePush(deps.calendarSync!(), { practiceId: appointment.practiceId, appointmentId: appointment.id })) : Promise.resolve();

  return {
    booked: async (appointment, requestId) => {
      await safely('schedule reminders', appointment.id, () =>
        scheduleAppointmentReminders(deps.queue(), { appointmentId: appointment.id, practiceId: appointment.practiceId, startsAt: appointment.startsAt, requestId }),
      );
      await safely('publish metrics', appointment.id, () => metricsChanged(appointment.practiceId));
      await appointmentChanged(appointment);
      await mirror(appointment);
    },
    rescheduled: async (appointment, requestId, previous) => {
      await safely('reschedule reminders', appointment.id, () =>
        rescheduleAppointmentReminders(deps.queue(), { appointmentId: appointment.id, practiceId: appointment.practiceId, startsAt: appointment.startsAt, requestId }),
      );
      await appointmentChanged(appointment);
      await mirror(appointment);
      if (previous) await freed({ ...appointment, clinicianId: previous.clinicianId }, previous, `moved-${appointment.id}-${appointment.startsAt.getTime()}`);
    },
    statusChanged: async (appointment) => {
      if (appointment.status === 'CANCELLED' || appointment.status === 'NO_SHOW' || appointment.status === 'COMPLETED') {
        await safely('remove reminders', appointment.id, () => removeAppointmentReminders(deps.queue(), appointment.id));
      }
      await safely('publish metrics', appointment.id, () => metricsChanged(appointment.practiceId));
      await appointmentChanged(appointment);
      await mirror(appointment);
      if (appointment.status === 'CANCELLED') await freed(appointment, appointment, `cancelled-${appointment.id}`);
    },
  };
}
