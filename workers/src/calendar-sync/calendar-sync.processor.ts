// Pull: the outside calendar's busy time (not our own mirrored events, not "free" ones) replaces the
// connection's busy blocks. Push: an appointment's mirror is written, moved or deleted. Both get a
// fresh access token from the stored (encrypted) refresh token; a revoked grant is recorded on the
// connection for the clinician to reconnect, not retried.
import type { FieldCipher } from '@solace/server-kit';
import { CalendarProviderError, type CalendarProvider } from './calendar-provider';
import type { CalendarSyncRepository } from './calendar-sync.repository';
import { PULL_HORIZON_DAYS, type CalendarSyncJobData } from './calendar-sync.queue';

export interface CalendarSyncDeps {
  sync: CalendarSyncRepository;
  provider: CalendarProvider;
  cipher: FieldCipher;
  now?: () => Date;
}

export type CalendarSyncOutcome = { pulled: number } | { pushed: string } | { deleted: string } | { skipped: string };

/** Appointment mirrors say only that the time is taken: nothing about the client reaches Google. */
export const MIRROR_SUMMARY = 'Session (Solace)';

export async function processCalendarSync(data: CalendarSyncJobData, deps: CalendarSyncDeps): Promise<CalendarSyncOutcome> {
  try {
    return data.kind === 'pull' ? await pull(data, deps) : await push(data, deps);
  } catch (error) {
    if (error instanceof CalendarProviderError && error.reconnect) return { skipped: `reconnect-needed:${error.code}` };
    throw error;
  }
}

async function accessToken(connection: { refreshToken: string }, deps: CalendarSyncDeps): Promise<string> {
  return (await deps.provider.refresh(deps.cipher.decrypt(connection.refreshToken, 'CalendarConnection.refreshToken'))).accessToken;
}

async function pull(data: Extract<CalendarSyncJobData, { kind: 'pull' }>, deps: CalendarSyncDeps): Promise<CalendarSyncOutcome> {
  const connection = await deps.sync.connection(data.practiceId, data.connectionId);
  if (!connection) return { skipped: 'disconnected' };
  const now = deps.now?.() ?? new Date();
  try {
    const token = await accessToken(connection, deps);
    const events = await deps.provider.listEvents(token, connection.externalCalendarId, now, new Date(now.getTime() + PULL_HORIZON_DAYS * 86_400_000), await deps.sync.timeZone(data.practiceId));
    const busy = events.filter((e) => !e.free && !e.solaceAppointmentId).map((e) => ({ startsAt: e.startsAt, endsAt: e.endsAt }));
    await deps.sync.replaceBusy(data.practiceId, connection, busy);
    return { pulled: busy.length };
  } catch (error) {
    if (error instanceof CalendarProviderError) await deps.sync.recordError(data.practiceId, connection.id, error.code);
    throw error;
  }
}

async function push(data: Extract<CalendarSyncJobData, { kind: 'push' }>, deps: CalendarSyncDeps): Promise<CalendarSyncOutcome> {
  const appointment = await deps.sync.appointment(data.practiceId, data.appointmentId);
  const mirror = await deps.sync.mirror(data.practiceId, data.appointmentId);
  const connection = appointment && (await deps.sync.connectionOf(data.practiceId, appointment.clinicianId));

  // The mirror lives in another clinician's calendar (the session moved to a colleague), or should go.
  if (mirror && (!appointment?.active || mirror.connectionId !== connection?.id)) {
    const old = await deps.sync.connection(data.practiceId, mirror.connectionId);
    if (old) await deps.provider.deleteEvent(await accessToken(old, deps), old.externalCalendarId, mirror.externalEventId);
    await deps.sync.dropMirror(data.practiceId, data.appointmentId);
    if (!appointment?.active || !connection) return { deleted: data.appointmentId };
  }
  if (!appointment?.active) return { skipped: 'not-active' };
  if (!connection) return { skipped: 'no-connection' };
  const current = mirror && mirror.connectionId === connection.id ? mirror.externalEventId : undefined;
  const externalEventId = await deps.provider.upsertEvent(await accessToken(connection, deps), connection.externalCalendarId, {
    externalEventId: current,
    appointmentId: appointment.id,
    summary: MIRROR_SUMMARY,
    startsAt: appointment.startsAt,
    endsAt: appointment.endsAt,
  });
  await deps.sync.saveMirror(data.practiceId, appointment.id, connection.id, externalEventId);
  return { pushed: externalEventId };
}
