// Sends one appointment reminder. Re-reads the appointment and the practice's settings and exits
// early when the reminder no longer applies (cancelled, moved, or its channel or time switched off
// since it was planned). Every attempt on an existing appointment goes into its delivery log, and a
// reminder the log already has as sent is not sent again (Twilio takes no idempotency key). The email's idempotency key is the job id plus the start time it was planned
// for: a retried or duplicated job sends once, yet a rescheduled appointment (whose new job reuses
// the deterministic id) still gets its reminder for the new time.
import type { Job } from 'bullmq';
import type { EmailProvider } from '../email/email-provider';
import { SmsError, toE164, type SmsProvider } from '../sms/sms-provider';
import type { SmsOptOuts } from '../sms/sms-opt-outs';
import type { ReminderDeliveryRepository, DeliveryRecord } from './reminder-delivery.repository';
import type { ReminderDetails, ReminderRepository } from './reminder.repository';
import type { ReminderSettingsSource } from './reminder-settings';
import type { ReminderJobData } from './reminders.queue';

export type SkipReason = 'appointment-gone' | 'not-scheduled' | 'moved' | 'reminders-off' | 'already-sent' | 'opted-out' | 'no-email' | 'no-phone';
/** `failed`: refused for good (invalid number, unsubscribed); retryable refusals are thrown for BullMQ to retry. */
export type ReminderOutcome = { sent: string } | { skipped: SkipReason } | { failed: { code: string; providerCode?: string; message: string } };

const STILL_HAPPENING = new Set(['SCHEDULED', 'CHECKED_IN']);

export interface ReminderDeps {
  reminders: ReminderRepository;
  deliveries: ReminderDeliveryRepository;
  settings: ReminderSettingsSource;
  email: EmailProvider;
  sms: SmsProvider;
  /** Switches a number's text reminders off when Twilio refuses it as unsubscribed (21610). */
  smsOptOuts: Pick<SmsOptOuts, 'apply'>;
}

export async function processReminder(
  job: Pick<Job<ReminderJobData>, 'id' | 'data'>,
  deps: ReminderDeps,
): Promise<ReminderOutcome> {
  const { appointmentId, practiceId, startsAt, offsetMinutes, channel } = job.data;
  const details = await deps.reminders.findDetails(practiceId, appointmentId);
  if (!details) return { skipped: 'appointment-gone' }; // nothing to log it against
  const ref = { practiceId, appointmentId, channel, offsetMinutes, appointmentStartsAt: new Date(startsAt) };
  let outcome: ReminderOutcome;
  try {
    outcome = (await deps.deliveries.wasSent(ref)) ? { skipped: 'already-sent' } : await attempt(job, details, deps);
  } catch (error) {
    // Retryable (rate limit, outage): logged, then thrown on for BullMQ to try again with backoff.
    const code = error instanceof SmsError ? error.code : 'ERROR';
    await deps.deliveries.record(ref, { status: 'FAILED', reason: `${error instanceof Error ? error.message : String(error)} (will retry)`, errorCode: code, providerCode: error instanceof SmsError ? error.providerCode : undefined });
    throw error;
  }
  await deps.deliveries.record(ref, toRecord(outcome));
  return outcome;
}

function toRecord(outcome: ReminderOutcome): DeliveryRecord {
  if ('sent' in outcome) return { status: 'SENT', providerMessageId: outcome.sent };
  if ('skipped' in outcome) return { status: 'SKIPPED', reason: outcome.skipped };
  return { status: 'FAILED', reason: outcome.failed.message, errorCode: outcome.failed.code, providerCode: outcome.failed.providerCode };
}

async function attempt(
  job: Pick<Job<ReminderJobData>, 'id' | 'data'>,
  details: ReminderDetails,
  deps: Pick<ReminderDeps, 'settings' | 'email' | 'sms' | 'smsOptOuts'>,
): Promise<ReminderOutcome> {
  const { practiceId, startsAt, offsetMinutes, channel } = job.data;
  if (!STILL_HAPPENING.has(details.status)) return { skipped: 'not-scheduled' };
  if (details.startsAt.toISOString() !== startsAt) return { skipped: 'moved' };
  const settings = await deps.settings.forPractice(practiceId);
  if (!settings.enabled || !settings.channels.includes(channel) || !settings.offsetsMinutes.includes(offsetMinutes)) return { skipped: 'reminders-off' };
  return channel === 'SMS' ? sendSms(details, deps, job.data.requestId) : sendEmail(details, `${String(job.id)}-${details.startsAt.getTime()}`, deps.email);
}

async function sendEmail(details: ReminderDetails, idempotencyKey: string, email: EmailProvider): Promise<ReminderOutcome> {
  if (!details.clientReminderEmail) return { skipped: 'opted-out' };
  if (!details.clientEmail) return { skipped: 'no-email' };
  const when = formatAppointmentTime(details.startsAt, details.timeZone);
  // Appointment logistics only: never a diagnosis, note content or anything clinical.
  const { id } = await email.send({
    to: details.clientEmail,
    subject: `Reminder: your appointment with ${details.clinicianName}`,
    text: [
      `Hi ${details.clientFirstName},`,
      '',
      `This is a reminder of your appointment with ${details.clinicianName} on ${when}.`,
      `If you need to reschedule, please contact ${details.practiceName}.`,
      '',
      `— ${details.practiceName}`,
    ].join('\n'),
    idempotencyKey,
  });
  return { sent: id };
}

async function sendSms(details: ReminderDetails, { sms, smsOptOuts }: Pick<ReminderDeps, 'sms' | 'smsOptOuts'>, requestId: string): Promise<ReminderOutcome> {
  if (!details.clientReminderSms) return { skipped: 'opted-out' };
  if (!details.clientPhone) return { skipped: 'no-phone' };
  const when = formatAppointmentTime(details.startsAt, details.timeZone);
  // A text shows on a lock screen: the practice and the time only, no clinician or client name and
  // nothing clinical. Carriers expect the opt-out line; Twilio handles the STOP reply itself.
  const body = [`${details.practiceName}: reminder of your appointment on ${when}.`, `To reschedule, please contact ${details.practiceName}.`, 'Reply STOP to opt out.'].join('\n');
  const to = toE164(details.clientPhone);
  try {
    return { sent: (await sms.send({ to, body })).id };
  } catch (error) {
    if (!(error instanceof SmsError) || error.retryable) throw error;
    // 21610: the number replied STOP at some point (perhaps before Solace heard of it). Switch its
    // texts off like a STOP reply, so the next reminders are skipped instead of refused again.
    if (error.code === 'UNSUBSCRIBED') await smsOptOuts.apply({ phone: to, optedIn: false, source: 'UNSUBSCRIBED_ERROR', providerMessageId: null }, { requestId });
    return { failed: { code: error.code, providerCode: error.providerCode, message: error.message } };
  }
}

/** "Monday, June 3, 2030 at 10:00 AM CDT": the practice's local time, with its zone named for clients who travel. */
export function formatAppointmentTime(startsAt: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'long', month: 'long', day: 'numeric', year: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }).format(startsAt);
}
