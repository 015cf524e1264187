// Offers a freed time to the first matching waitlist entry, and moves a lapsed or declined offer
// on. Each step re-reads the database and holds the slot in Redis, so a retried job neither
// double-offers (one pending offer per entry, one hold per time) nor offers a time taken meanwhile.
import { createHash, randomBytes } from 'node:crypto';
import type { Logger, SlotHolds } from '@solace/server-kit';
import { DateTime } from 'luxon';
import type { EmailProvider } from '../email/email-provider';
import { formatAppointmentTime } from '../reminders/reminders.processor';
import { enqueueSlotFreed, scheduleOfferLapse, WAITLIST_OFFER_MINUTES, type WaitlistJobData, type WaitlistQueue } from './waitlist.queue';
import type { WaitlistCandidate, WaitlistRepository } from './waitlist.repository';

export interface WaitlistDeps {
  waitlist: WaitlistRepository;
  holds: SlotHolds;
  queue: WaitlistQueue;
  email: EmailProvider;
  webUrl: string;
  log: Logger;
  now?: () => Date;
}

export type WaitlistOutcome = { offered: string; offerId: string } | { skipped: string } | { movedOn: string };

export const offerTokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** Does the entry want this time? Clinician, weekday and local time window, and the service fits. */
export function wants(entry: WaitlistCandidate, slot: { clinicianId: string; startsAt: Date; endsAt: Date }, timeZone: string): boolean {
  if (entry.preferredClinicianIds.length > 0 && !entry.preferredClinicianIds.includes(slot.clinicianId)) return false;
  if (slot.startsAt.getTime() + entry.durationMinutes * 60_000 > slot.endsAt.getTime()) return false;
  const local = DateTime.fromJSDate(slot.startsAt, { zone: timeZone });
  if (entry.preferredWeekdays.length > 0 && !entry.preferredWeekdays.includes(local.weekday)) return false;
  const startMinute = local.hour * 60 + local.minute;
  if (entry.earliestMinute !== null && startMinute < entry.earliestMinute) return false;
  if (entry.latestMinute !== null && startMinute + entry.durationMinutes > entry.latestMinute) return false;
  return true;
}

export async function processWaitlistJob(data: WaitlistJobData, deps: WaitlistDeps): Promise<WaitlistOutcome> {
  return data.kind === 'slot-freed' ? offerFreedSlot(data, deps) : moveOfferOn(data, deps);
}

async function offerFreedSlot(data: Extract<WaitlistJobData, { kind: 'slot-freed' }>, deps: WaitlistDeps): Promise<WaitlistOutcome> {
  const now = deps.now?.() ?? new Date();
  const slot = { clinicianId: data.clinicianId, startsAt: new Date(data.startsAt), endsAt: new Date(data.endsAt) };
  if (slot.startsAt <= now) return { skipped: 'in-the-past' };
  const practice = await deps.waitlist.practice(data.practiceId);
  if (!practice) return { skipped: 'practice-gone' };

  for (const entry of await deps.waitlist.candidates(data.practiceId)) {
    if (!wants(entry, slot, practice.timeZone)) continue;
    const endsAt = new Date(slot.startsAt.getTime() + entry.durationMinutes * 60_000);
    if (await deps.waitlist.offeredBefore(entry.id, slot.clinicianId, slot.startsAt)) continue;
    if (!(await deps.waitlist.isFree(data.practiceId, slot.clinicianId, entry.clientId, slot.startsAt, endsAt))) continue;
    const details = await deps.waitlist.offerDetails(data.practiceId, entry.clientId, slot.clinicianId, entry.serviceId);
    if (!details?.client.email) continue; // no way to reach them; the next entry gets the chance

    const hold = await deps.holds.take(
      { practiceId: data.practiceId, clinicianId: slot.clinicianId, serviceId: entry.serviceId, startsAt: slot.startsAt.toISOString(), endsAt: endsAt.toISOString() },
      { minutes: WAITLIST_OFFER_MINUTES, now: now.getTime() },
    );
    if (!hold) return { skipped: 'slot-held' }; // someone is booking it online right now
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + WAITLIST_OFFER_MINUTES * 60_000);
    const offer = await deps.waitlist.createOffer({ practiceId: data.practiceId, entryId: entry.id, clinicianId: slot.clinicianId, startsAt: slot.startsAt, endsAt, holdId: hold.holdId, tokenHash: offerTokenHash(token), expiresAt });
    await scheduleOfferLapse(deps.queue, { practiceId: data.practiceId, offerId: offer.id }, expiresAt.getTime() - now.getTime());
    // Logistics only: no diagnosis, note or anything clinical.
    await deps.email.send({
      to: details.client.email,
      subject: `An earlier appointment is available with ${details.clinician.displayName}`,
      text: [
        `Hi ${details.client.firstName},`,
        '',
        `A time you were waiting for has opened up: ${details.service.name} with ${details.clinician.displayName} on ${formatAppointmentTime(slot.startsAt, practice.timeZone)}.`,
        `We are holding it for you until ${formatAppointmentTime(expiresAt, practice.timeZone)}. To take it or let it go:`,
        `${deps.webUrl}/waitlist/${token}`,
        '',
        `— ${practice.name}`,
      ].join('\n'),
      idempotencyKey: `waitlist-offer-${offer.id}`,
    });
    return { offered: entry.id, offerId: offer.id };
  }
  return { skipped: 'no-match' };
}

async function moveOfferOn(data: Extract<WaitlistJobData, { kind: 'offer-lapsed' }>, deps: WaitlistDeps): Promise<WaitlistOutcome> {
  const offer = await deps.waitlist.findOffer(data.practiceId, data.offerId);
  if (!offer || offer.status === 'ACCEPTED') return { skipped: 'answered' };
  if (offer.status === 'PENDING' && !(await deps.waitlist.lapse(data.practiceId, offer.id))) return { skipped: 'answered' };
  await deps.holds.release({ holdId: offer.holdId, practiceId: data.practiceId, clinicianId: offer.clinicianId });
  await enqueueSlotFreed(deps.queue, { practiceId: data.practiceId, clinicianId: offer.clinicianId, startsAt: offer.startsAt.toISOString(), endsAt: offer.endsAt.toISOString(), cause: `offer-${offer.id}` });
  return { movedOn: offer.id };
}
