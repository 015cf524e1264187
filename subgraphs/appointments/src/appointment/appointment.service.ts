import { DomainError, notFound, type AuthClaims } from '@solace/server-kit';
import { checkConsents } from '../booking-rules/booking-rules';
import type { BookingRulesRepository } from '../booking-rules/booking-rules.repository';
import type { CatalogService } from '../catalog/catalog.service';
import { Modality } from '../catalog/catalog.type';
import type { SchedulingPolicyRepository } from '../scheduling-policy/scheduling-policy.repository';
import type { TelehealthMeetings } from '../telehealth/telehealth-meetings';
import type { AppointmentSideEffects } from './appointment.events';
import { OverlapError, type AppointmentRepository, type NewAppointment, type OverlapReason } from './appointment.repository';
import { AppointmentStatus, BookingChannel, CancelReason, type Appointment } from './appointment.type';

const MAX_RANGE_DAYS = 92;
const MAX_APPOINTMENT_HOURS = 12;
const FINAL_STATUSES: AppointmentStatus[] = [AppointmentStatus.CANCELLED, AppointmentStatus.COMPLETED, AppointmentStatus.NO_SHOW];
/** Reasons on the client's side: only these can make a cancellation late (and billable). */
const CLIENT_REASONS: CancelReason[] = [CancelReason.CLIENT_REQUEST, CancelReason.CLIENT_ILLNESS];

function checkTimes(startsAt: Date, endsAt: Date): void {
  if (!(endsAt > startsAt)) throw new DomainError('BAD_USER_INPUT', 'An appointment must end after it starts.');
  if (endsAt.getTime() - startsAt.getTime() > MAX_APPOINTMENT_HOURS * 3600_000) {
    throw new DomainError('BAD_USER_INPUT', `An appointment cannot be longer than ${MAX_APPOINTMENT_HOURS} hours.`);
  }
}

const OVERLAP_MESSAGES: Record<OverlapReason, string> = {
  CLINICIAN_OVERLAP: 'The clinician already has an appointment that overlaps this time.',
  ROOM_OVERLAP: 'The room is already booked at this time.',
  CLIENT_OVERLAP: 'The client already has an appointment that overlaps this time.',
};

/** Maps a refused write to CONFLICT with `reason` saying whose calendar was taken. */
export const asConflict = (error: unknown): never => {
  if (error instanceof OverlapError) throw new DomainError('CONFLICT', OVERLAP_MESSAGES[error.reason], { cause: error, details: { reason: error.reason } });
  throw error;
};

export interface BookingRequest {
  clientId: string;
  clinicianId?: string;
  serviceId?: string;
  roomId?: string;
  modality: Modality;
  startsAt: Date;
  endsAt?: Date;
}

export class AppointmentService {
  constructor(
    private readonly appointments: AppointmentRepository,
    private readonly catalog: CatalogService,
    private readonly policies: SchedulingPolicyRepository,
    private readonly rules: BookingRulesRepository,
    private readonly sideEffects: AppointmentSideEffects,
    private readonly meetings?: TelehealthMeetings,
  ) {}

  async get(user: AuthClaims, id: string): Promise<Appointment> {
    const appointment = await this.appointments.findInPractice(user.practiceId, id);
    if (!appointment) throw notFound('Appointment', id);
    return appointment;
  }

  find(user: AuthClaims, id: string): Promise<Appointment | null> {
    return this.appointments.findInPractice(user.practiceId, id);
  }

  isActiveClinician(practiceId: string, staffUserId: string): Promise<boolean> {
    return this.appointments.isActiveClinician(practiceId, staffUserId);
  }

  list(user: AuthClaims, from: Date, to: Date, clinicianId?: string): Promise<Appointment[]> {
    if (!(to > from)) throw new DomainError('BAD_USER_INPUT', '`to` must be after `from`.');
    if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * 86_400_000) {
      throw new DomainError('BAD_USER_INPUT', `Ask for at most ${MAX_RANGE_DAYS} days at a time.`);
    }
    const seesEveryone = user.roles.some((role) => role === 'ADMIN' || role === 'FRONT_DESK' || role === 'SUPERVISOR' || role === 'BILLING');
    const whose = clinicianId ?? (seesEveryone ? undefined : user.sub);
    return this.appointments.listInRange(user.practiceId, from, to, whose);
  }

  async book(user: AuthClaims, request: BookingRequest, requestId: string, channel: BookingChannel = BookingChannel.STAFF): Promise<Appointment> {
    const row = await this.prepare(user.practiceId, { ...request, clinicianId: request.clinicianId ?? user.sub }, channel);
    return this.create(row, requestId);
  }

  /** Writes a prepared booking; the exclusion constraints have the last word. */
  async create(row: NewAppointment, requestId: string): Promise<Appointment> {
    const booked = await this.appointments.create(row).catch(asConflict);
    const appointment = this.meetings ? await this.meetings.attach(booked) : booked;
    await this.sideEffects.booked(appointment, requestId);
    return appointment;
  }

  /** Tries again to get a meeting link for a telehealth session whose link is pending. */
  async createMeetingLink(user: AuthClaims, id: string): Promise<Appointment> {
    if (!this.meetings) throw new DomainError('BAD_USER_INPUT', 'No video provider is configured.', { details: { reason: 'PROVIDER_NOT_CONFIGURED' } });
    return this.meetings.retry(await this.get(user, id));
  }

  /**
   * Checks a booking's references and rules and works out its end; nothing is written. Shared by
   * staff booking, online booking and recurring series.
   */
  async prepare(practiceId: string, request: BookingRequest & { clinicianId: string }, channel: BookingChannel): Promise<NewAppointment> {
    const service = request.serviceId ? await this.catalog.activeService(practiceId, request.serviceId) : null;
    const endsAt = request.endsAt ?? (service ? new Date(request.startsAt.getTime() + service.durationMinutes * 60_000) : undefined);
    if (!endsAt) throw new DomainError('BAD_USER_INPUT', 'Give `endsAt` or a service whose length sets it.');
    checkTimes(request.startsAt, endsAt);
    if (service && !service.modalities.includes(request.modality)) {
      throw new DomainError('BAD_USER_INPUT', `${service.name} is not offered ${request.modality === Modality.TELEHEALTH ? 'by telehealth' : 'in person'}.`, { details: { reason: 'MODALITY_NOT_OFFERED' } });
    }
    if (request.roomId && request.modality === Modality.TELEHEALTH) {
      throw new DomainError('BAD_USER_INPUT', 'A telehealth session does not take a room.', { details: { reason: 'ROOM_FOR_TELEHEALTH' } });
    }
    const [facts, clinicianOk, hasVisits] = await Promise.all([
      this.rules.facts(practiceId, request.clientId),
      this.appointments.isActiveClinician(practiceId, request.clinicianId),
      this.rules.hasVisits(practiceId, request.clientId),
      request.roomId ? this.catalog.activeRoom(practiceId, request.roomId) : null,
    ]);
    if (!facts) throw notFound('Client', request.clientId);
    if (!clinicianOk) throw new DomainError('BAD_USER_INPUT', `Staff user ${request.clinicianId} is not an active clinician of this practice.`);
    checkConsents(facts, { startsAt: request.startsAt, telehealth: request.modality === Modality.TELEHEALTH, firstVisit: !hasVisits });
    return {
      practiceId,
      clientId: request.clientId,
      clinicianId: request.clinicianId,
      serviceId: service?.id ?? null,
      roomId: request.roomId ?? null,
      modality: request.modality,
      bookedVia: channel,
      startsAt: request.startsAt,
      endsAt,
    };
  }

  async reschedule(user: AuthClaims, id: string, change: { startsAt: Date; endsAt: Date; clinicianId?: string; roomId?: string }, requestId: string) {
    checkTimes(change.startsAt, change.endsAt);
    const current = await this.get(user, id);
    if (FINAL_STATUSES.includes(current.status)) {
      throw new DomainError('CONFLICT', `A ${current.status.toLowerCase()} appointment cannot be rescheduled.`, { details: { reason: 'APPOINTMENT_CLOSED' } });
    }
    const clinicianId = change.clinicianId ?? current.clinicianId;
    if (clinicianId !== current.clinicianId && !(await this.appointments.isActiveClinician(user.practiceId, clinicianId))) {
      throw new DomainError('BAD_USER_INPUT', `Staff user ${clinicianId} is not an active clinician of this practice.`);
    }
    if (change.roomId && change.roomId !== current.roomId) await this.catalog.activeRoom(user.practiceId, change.roomId);
    const appointment = await this.appointments
      .move(current, { startsAt: change.startsAt, endsAt: change.endsAt, clinicianId, roomId: change.roomId ?? current.roomId })
      .catch(asConflict);
    await this.sideEffects.rescheduled(appointment, requestId, current);
    return appointment;
  }

  async cancel(user: AuthClaims, id: string, reason: CancelReason, note: string | undefined, requestId: string, now = new Date()) {
    const current = await this.get(user, id);
    if (current.status === AppointmentStatus.CANCELLED) return current;
    if (current.status !== AppointmentStatus.SCHEDULED) {
      throw new DomainError('CONFLICT', `A ${current.status.toLowerCase().replace('_', ' ')} appointment cannot be cancelled.`, { details: { reason: 'APPOINTMENT_CLOSED' } });
    }
    const { lateCancelHours } = await this.policies.get(user.practiceId);
    const hoursBefore = (current.startsAt.getTime() - now.getTime()) / 3600_000;
    const lateCancel = CLIENT_REASONS.includes(reason) && hoursBefore < lateCancelHours;
    const appointment = await this.appointments.cancel(current, { cancelReason: reason, cancelNote: note?.trim() || null, lateCancel, cancelledAt: now });
    await this.meetings?.detach(appointment);
    await this.sideEffects.statusChanged(appointment, requestId);
    return appointment;
  }

  async setStatus(user: AuthClaims, id: string, status: AppointmentStatus, requestId: string) {
    const current = await this.get(user, id);
    if (current.status === status) return current;
    if (current.status === AppointmentStatus.CANCELLED) {
      throw new DomainError('CONFLICT', 'A cancelled appointment cannot change status; book a new one.', { details: { reason: 'APPOINTMENT_CLOSED' } });
    }
    const extra = status === AppointmentStatus.CHECKED_IN ? { checkedInAt: new Date() } : {};
    // Un-cancelling is refused above, so an overlap here means data changed underneath us.
    const appointment = await this.appointments.updateStatus(current, status, extra).catch(asConflict);
    await this.sideEffects.statusChanged(appointment, requestId);
    return appointment;
  }
}
