import { createHash } from 'node:crypto';
import { DomainError, notFound, runInPracticeScope, type AuthClaims, type SlotHolds } from '@solace/server-kit';
import { lapseOfferNow, type WaitlistQueue } from '@solace/workers';
import type { AppointmentService } from '../appointment/appointment.service';
import { BookingChannel } from '../appointment/appointment.type';
import type { CatalogService } from '../catalog/catalog.service';
import type { Modality } from '../catalog/catalog.type';
import { minutesOf } from '../clinician-hours/clinician-hours.service';
import type { WaitlistRepository } from './waitlist.repository';
import type { WaitlistEntry, WaitlistEntryInput, WaitlistOfferView, WaitlistStatus } from './waitlist.type';

const offerClosed = (status: string) =>
  new DomainError('CONFLICT', status === 'ACCEPTED' ? 'You already accepted this time.' : 'This offer is no longer open.', { details: { reason: 'OFFER_CLOSED', status } });
const linkNotFound = () => new DomainError('NOT_FOUND', 'That offer link is not valid.');
const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

export class WaitlistService {
  constructor(
    private readonly waitlist: WaitlistRepository,
    private readonly catalog: CatalogService,
    private readonly appointments: AppointmentService,
    private readonly holds: SlotHolds,
    private readonly queue: () => WaitlistQueue,
  ) {}

  list(user: AuthClaims, status: WaitlistStatus): Promise<WaitlistEntry[]> {
    return this.waitlist.list(user.practiceId, status);
  }

  async add(user: AuthClaims, input: WaitlistEntryInput): Promise<WaitlistEntry> {
    const earliestMinute = input.earliestTime ? minutesOf(input.earliestTime) : null;
    const latestMinute = input.latestTime ? minutesOf(input.latestTime) : null;
    if (earliestMinute !== null && latestMinute !== null && earliestMinute >= latestMinute) {
      throw new DomainError('BAD_USER_INPUT', 'The earliest time must be before the latest.', { details: { reason: 'EMPTY_TIME_WINDOW' } });
    }
    await this.catalog.activeService(user.practiceId, input.serviceId);
    if (!(await this.waitlist.clientExists(user.practiceId, input.clientId))) throw notFound('Client', input.clientId);
    for (const clinicianId of input.preferredClinicianIds) {
      if (!(await this.appointments.isActiveClinician(user.practiceId, clinicianId))) throw new DomainError('BAD_USER_INPUT', `Staff user ${clinicianId} is not an active clinician of this practice.`);
    }
    return this.waitlist.add(user.practiceId, {
      clientId: input.clientId,
      serviceId: input.serviceId,
      preferredClinicianIds: [...new Set(input.preferredClinicianIds)],
      preferredWeekdays: [...new Set(input.preferredWeekdays)].sort(),
      earliestMinute,
      latestMinute,
      note: input.note?.trim() || null,
    });
  }

  async remove(user: AuthClaims, id: string): Promise<WaitlistEntry> {
    const entry = await this.waitlist.remove(user.practiceId, id);
    if (!entry) throw notFound('WaitlistEntry', id);
    return entry;
  }

  async view(token: string): Promise<WaitlistOfferView> {
    const offer = await this.waitlist.offerByTokenHash(hashOf(token));
    if (!offer) throw linkNotFound();
    const names = await runInPracticeScope(offer.practiceId, () => this.waitlist.names(offer.practiceId, offer.clinicianId, offer.entry.serviceId));
    const status = offer.status === 'PENDING' && offer.expiresAt <= new Date() ? 'LAPSED' : offer.status;
    return { startsAt: offer.startsAt, endsAt: offer.endsAt, expiresAt: offer.expiresAt, status, ...names };
  }

  /** Books the offered time for the waitlisted client; the held slot is theirs until the offer lapses. */
  async accept(token: string, modality: Modality, requestId: string): Promise<WaitlistOfferView> {
    const offer = await this.waitlist.offerByTokenHash(hashOf(token));
    if (!offer) throw linkNotFound();
    if (offer.status !== 'PENDING' || offer.expiresAt <= new Date()) throw offerClosed(offer.status === 'PENDING' ? 'LAPSED' : offer.status);
    await runInPracticeScope(offer.practiceId, async () => {
      const row = await this.appointments.prepare(
        offer.practiceId,
        { clientId: offer.entry.clientId, clinicianId: offer.clinicianId, serviceId: offer.entry.serviceId, modality, startsAt: offer.startsAt },
        BookingChannel.WAITLIST,
      );
      const appointment = await this.appointments.create(row, requestId).catch((error: unknown) => {
        throw (error as DomainError)?.code === 'CONFLICT' ? new DomainError('CONFLICT', 'Sorry, that time has just been taken.', { details: { reason: 'SLOT_TAKEN' } }) : error;
      });
      await this.waitlist.answer(offer.practiceId, offer.id, 'ACCEPTED', appointment.id);
      await this.waitlist.markBooked(offer.practiceId, offer.entry.id);
      await this.holds.release({ holdId: offer.holdId, practiceId: offer.practiceId, clinicianId: offer.clinicianId });
    });
    return this.view(token);
  }

  /** Lets the time go at once, so it is offered to the next person without waiting for the lapse. */
  async decline(token: string): Promise<WaitlistOfferView> {
    const offer = await this.waitlist.offerByTokenHash(hashOf(token));
    if (!offer) throw linkNotFound();
    const declined = await runInPracticeScope(offer.practiceId, () => this.waitlist.answer(offer.practiceId, offer.id, 'DECLINED'));
    if (!declined) throw offerClosed(offer.status);
    await lapseOfferNow(this.queue(), { practiceId: offer.practiceId, offerId: offer.id });
    return this.view(token);
  }
}
