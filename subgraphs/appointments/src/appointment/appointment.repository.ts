import type { PrismaClient } from '@solace/server-kit';
import type { Modality } from '../catalog/catalog.type';
import { APPOINTMENT_FIELDS, type Appointment, type AppointmentStatus, type BookingChannel, type CancelReason } from './appointment.type';
import { inCalendars } from './calendar-locks.repository';

export { OverlapError, type OverlapReason } from './calendar-locks.repository';

export interface NewAppointment {
  practiceId: string;
  clientId: string;
  clinicianId: string;
  serviceId: string | null;
  roomId: string | null;
  modality: Modality;
  bookedVia: BookingChannel;
  startsAt: Date;
  endsAt: Date;
  seriesId?: string | null;
  seriesIndex?: number | null;
}

export class AppointmentRepository {
  constructor(private readonly prisma: PrismaClient) {}

  findInPractice(practiceId: string, id: string): Promise<Appointment | null> {
    return this.prisma.appointment.findFirst({ where: { id, practiceId }, select: APPOINTMENT_FIELDS });
  }

  listInRange(practiceId: string, from: Date, to: Date, clinicianId?: string): Promise<Appointment[]> {
    return this.prisma.appointment.findMany({
      where: { practiceId, startsAt: { lt: to }, endsAt: { gt: from }, ...(clinicianId ? { clinicianId } : {}) },
      select: APPOINTMENT_FIELDS,
      orderBy: { startsAt: 'asc' },
      take: 2000,
    });
  }

  create(data: NewAppointment): Promise<Appointment> {
    return inCalendars(this.prisma, data, (tx) => tx.appointment.create({ data, select: APPOINTMENT_FIELDS }));
  }

  move(current: Appointment, change: { startsAt: Date; endsAt: Date; clinicianId: string; roomId: string | null }): Promise<Appointment> {
    return inCalendars(this.prisma, { ...change, clientId: current.clientId }, (tx) =>
      tx.appointment.update({ where: { id: current.id, practiceId: current.practiceId }, data: change, select: APPOINTMENT_FIELDS }),
    );
  }

  updateStatus(current: Appointment, status: AppointmentStatus, extra: { checkedInAt?: Date } = {}): Promise<Appointment> {
    return inCalendars(this.prisma, current, (tx) =>
      tx.appointment.update({ where: { id: current.id, practiceId: current.practiceId }, data: { status, ...extra }, select: APPOINTMENT_FIELDS }),
    );
  }

  cancel(current: Appointment, cancellation: { cancelReason: CancelReason; cancelNote: string | null; lateCancel: boolean; cancelledAt: Date }): Promise<Appointment> {
    // Cancelling frees time; no constraint can refuse it, so no calendar locks.
    return this.prisma.appointment.update({
      where: { id: current.id, practiceId: current.practiceId },
      data: { status: 'CANCELLED', ...cancellation },
      select: APPOINTMENT_FIELDS,
    });
  }

  async setMeetingOn(practiceId: string, ids: string[], meeting: { meetingJoinUrl: string; meetingHostUrl: string; meetingExternalId: string }): Promise<void> {
    await this.prisma.appointment.updateMany({ where: { practiceId, id: { in: ids } }, data: meeting });
  }

  setMeeting(practiceId: string, id: string, meeting: { meetingJoinUrl: string; meetingHostUrl: string; meetingExternalId: string }): Promise<Appointment> {
    return this.prisma.appointment.update({ where: { id, practiceId }, data: meeting, select: APPOINTMENT_FIELDS });
  }

  // Booking validates the clinician: a read-only look into the identity tables (ARCHITECTURE rule 1).
  async isActiveClinician(practiceId: string, staffUserId: string): Promise<boolean> {
    const count = await this.prisma.staffUser.count({ where: { id: staffUserId, practiceId, active: true, roles: { has: 'CLINICIAN' } } });
    return count === 1;
  }
}
