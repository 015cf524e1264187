import { DomainError, notFound, runInPracticeScope, type Redis } from '@solace/server-kit';
import type { AppointmentService } from '../appointment/appointment.service';
import { BookingChannel } from '../appointment/appointment.type';
import type { AvailabilityRepository } from '../availability/availability.repository';
import type { AvailabilityService, SlotSearch } from '../availability/availability.service';
import type { SlotHolds } from '@solace/server-kit';
import type { CatalogRepository } from '../catalog/catalog.repository';
import type { Modality } from '../catalog/catalog.type';
import type { ClinicianHoursRepository } from '../clinician-hours/clinician-hours.repository';
import type { OnlineBookingConfirmation, OnlineBookingPage, OnlineClinicianAvailability, OnlineSlot, SlotHold } from './online-booking.type';

const slotTaken = () => new DomainError('CONFLICT', 'That time was just taken; please choose another.', { details: { reason: 'SLOT_TAKEN' } });
/** A confirmed hold remembers its booking for a day, so a retried confirmation gets the same answer. */
const doneKey = (holdId: string) => `solace:hold-done:${holdId}`;

/** The public booking flow: page → slots → hold → (client details, patients subgraph) → confirm. */
export class OnlineBookingService {
  constructor(
    private readonly deps: {
      availability: AvailabilityService;
      availabilityData: AvailabilityRepository;
      hours: ClinicianHoursRepository;
      catalog: CatalogRepository;
      holds: SlotHolds;
      appointments: AppointmentService;
      redis: Redis;
    },
  ) {}

  async page(practiceId: string): Promise<OnlineBookingPage> {
    const practice = await this.deps.availabilityData.practice(practiceId);
    if (!practice) throw new DomainError('NOT_FOUND', 'That booking page does not exist.');
    const [services, clinicians] = await Promise.all([this.deps.catalog.listServices(practiceId, false, true), this.deps.availabilityData.clinicians(practiceId)]);
    const withHours = new Set((await this.deps.hours.weeklyHours(practiceId, clinicians.map((c) => c.id))).map((h) => h.clinicianId));
    return { practiceName: practice.name, timeZone: practice.timeZone, services, clinicians: clinicians.filter((c) => withHours.has(c.id)) };
  }

  async slots(practiceId: string, search: SlotSearch): Promise<OnlineSlot[]> {
    const { clinicians, slots } = await this.deps.availability.slots(practiceId, search, { online: true });
    const names = new Map(clinicians.map((c) => [c.id, c.displayName]));
    return slots.map((slot) => ({ ...slot, clinicianName: names.get(slot.clinicianId) ?? '' }));
  }

  async slotsByClinician(practiceId: string, search: SlotSearch): Promise<OnlineClinicianAvailability[]> {
    const { groups } = await this.deps.availability.slotsByClinician(practiceId, search, { online: true });
    return groups.map(({ clinician, durationMinutes, starts }) => ({ clinician: { id: clinician.id, displayName: clinician.displayName }, durationMinutes, starts }));
  }

  async hold(practiceId: string, request: { serviceId: string; clinicianId: string; startsAt: Date; replacesHoldId?: string }): Promise<SlotHold> {
    const free = await this.deps.availability.isFree(practiceId, request, { online: true, exceptHold: request.replacesHoldId });
    if (!free) throw slotTaken();
    const hold = await this.deps.holds.take(
      { practiceId, clinicianId: request.clinicianId, serviceId: request.serviceId, startsAt: free.startsAt.toISOString(), endsAt: free.endsAt.toISOString() },
      { replaces: request.replacesHoldId },
    );
    if (!hold) throw slotTaken();
    return { holdId: hold.holdId, expiresAt: new Date(hold.expiresAt), startsAt: free.startsAt, endsAt: free.endsAt };
  }

  async confirm(holdId: string, modality: Modality, requestId: string): Promise<OnlineBookingConfirmation> {
    const done = await this.deps.redis.get(doneKey(holdId));
    if (done) return JSON.parse(done, (key, value) => (key === 'startsAt' || key === 'endsAt' ? new Date(value as string) : value)) as OnlineBookingConfirmation;
    const hold = await this.deps.holds.get(holdId);
    if (!hold) throw new DomainError('CONFLICT', 'Your hold on this time has lapsed; please choose a time again.', { details: { reason: 'HOLD_EXPIRED' } });
    if (!hold.clientId) throw new DomainError('BAD_USER_INPUT', 'Enter your details before confirming.', { details: { reason: 'DETAILS_MISSING' } });
    const clientId = hold.clientId;

    return runInPracticeScope(hold.practiceId, async () => {
      const row = await this.deps.appointments.prepare(
        hold.practiceId,
        { clientId, clinicianId: hold.clinicianId, serviceId: hold.serviceId, modality, startsAt: new Date(hold.startsAt) },
        BookingChannel.ONLINE,
      );
      const appointment = await this.deps.appointments.create(row, requestId).catch((error: unknown) => {
        throw (error as DomainError)?.code === 'CONFLICT' ? slotTaken() : error;
      });
      await this.deps.holds.release(hold);
      const [practice, service, clinicians] = await Promise.all([
        this.deps.availabilityData.practice(hold.practiceId),
        this.deps.catalog.findService(hold.practiceId, hold.serviceId),
        this.deps.availabilityData.clinicians(hold.practiceId, hold.clinicianId),
      ]);
      if (!practice || !service) throw notFound('Practice', hold.practiceId);
      const confirmation: OnlineBookingConfirmation = {
        appointmentId: appointment.id,
        startsAt: appointment.startsAt,
        endsAt: appointment.endsAt,
        serviceName: service.name,
        clinicianName: clinicians[0]?.displayName ?? '',
        modality: appointment.modality,
        practiceName: practice.name,
        timeZone: practice.timeZone,
      };
      await this.deps.redis.set(doneKey(holdId), JSON.stringify(confirmation), 'EX', 86_400);
      return confirmation;
    });
  }
}
