import { DomainError, notFound, type AuthClaims } from '@solace/server-kit';
import type { AppointmentSideEffects } from './appointment.events';
import { OverlapError, type AppointmentRepository } from './appointment.repository';
import { AppointmentStatus, type Appointment } from './appointment.type';

const MAX_RANGE_DAYS = 92;
const MAX_APPOINTMENT_HOURS = 12;
const FINAL_STATUSES: AppointmentStatus[] = [AppointmentStatus.CANCELLED, AppointmentStatus.COMPLETED, AppointmentStatus.NO_SHOW];

function checkTimes(startsAt: Date, endsAt: Date): void {
  if (!(endsAt > startsAt)) throw new DomainError('BAD_USER_INPUT', 'An appointment must end after it starts.');
  if (endsAt.getTime() - startsAt.getTime() > MAX_APPOINTMENT_HOURS * 3600_000) {
    throw new DomainError('BAD_USER_INPUT', `An appointment cannot be longer than ${MAX_APPOINTMENT_HOURS} hours.`);
  }
}

const overlapConflict = (cause: unknown) =>
  new DomainError('CONFLICT', 'The clinician already has an appointment that overlaps this time.', { cause, details: { reason: 'CLINICIAN_OVERLAP' } });

export class AppointmentService {
  constructor(
    private readonly appointments: AppointmentRepository,
    private readonly sideEffects: AppointmentSideEffects,
  ) {}

  async get(user: AuthClaims, id: string): Promise<Appointment> {
    const appointment = await this.appointments.findInPractice(user.practiceId, id);
    if (!appointment) throw notFound('Appointment', id);
    return appointment;
  }

  find(user: AuthClaims, id: string): Promise<Appointment | null> {
    return this.appointments.findInPractice(user.practiceId, id);
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

  async book(user: AuthClaims, input: { clientId: string; clinicianId?: string; startsAt: Date; endsAt: Date }, requestId: string) {
    checkTimes(input.startsAt, input.endsAt);
    const clinicianId = input.clinicianId ?? user.sub;
    const [clientOk, clinicianOk] = await Promise.all([
      this.appointments.clientExists(user.practiceId, input.clientId),
      this.appointments.isActiveClinician(user.practiceId, clinicianId),
    ]);
    if (!clientOk) throw notFound('Client', input.clientId);
    if (!clinicianOk) throw new DomainError('BAD_USER_INPUT', `Staff user ${clinicianId} is not an active clinician of this practice.`);
    const appointment = await this.appointments
      .create({ practiceId: user.practiceId, clientId: input.clientId, clinicianId, startsAt: input.startsAt, endsAt: input.endsAt })
      .catch((error: unknown) => {
        throw error instanceof OverlapError ? overlapConflict(error) : error;
      });
    await this.sideEffects.booked(appointment, requestId);
    return appointment;
  }

  async reschedule(user: AuthClaims, id: string, startsAt: Date, endsAt: Date, requestId: string) {
    checkTimes(startsAt, endsAt);
    const current = await this.get(user, id);
    if (FINAL_STATUSES.includes(current.status)) {
      throw new DomainError('CONFLICT', `A ${current.status.toLowerCase()} appointment cannot be rescheduled.`);
    }
    const appointment = await this.appointments.updateTimes(current, startsAt, endsAt).catch((error: unknown) => {
      throw error instanceof OverlapError ? overlapConflict(error) : error;
    });
    await this.sideEffects.rescheduled(appointment, requestId);
    return appointment;
  }

  async setStatus(user: AuthClaims, id: string, status: AppointmentStatus, requestId: string) {
    const current = await this.get(user, id);
    if (current.status === status) return current;
    if (current.status === AppointmentStatus.CANCELLED) {
      throw new DomainError('CONFLICT', 'A cancelled appointment cannot change status; book a new one.');
    }
    const appointment = await this.appointments.updateStatus(current, status).catch((error: unknown) => {
      // Un-cancelling is refused above, so an overlap here means data changed underneath us.
      throw error instanceof OverlapError ? overlapConflict(error) : error;
    });
    await this.sideEffects.statusChanged(appointment, requestId);
    return appointment;
  }
}
