import type { PrismaClient } from '@solace/server-kit';
import type { NewAppointment } from '../appointment/appointment.repository';
import { APPOINTMENT_FIELDS, type Appointment, type CancelReason } from '../appointment/appointment.type';
import { inCalendars, type Calendars } from '../appointment/calendar-locks.repository';
import type { AppointmentSeries } from './series.type';

const SERIES_FIELDS = { id: true, rrule: true, timeZone: true, firstStartsAt: true, durationMinutes: true } as const;
const BLOCKING = ['SCHEDULED', 'CHECKED_IN', 'COMPLETED'] as const;

export interface NewSeries {
  practiceId: string;
  clientId: string;
  clinicianId: string;
  serviceId: string | null;
  roomId: string | null;
  modality: NewAppointment['modality'];
  rrule: string;
  timeZone: string;
  firstStartsAt: Date;
  durationMinutes: number;
}

export interface Move {
  id: string;
  startsAt: Date;
  endsAt: Date;
  clinicianId: string;
  roomId: string | null;
}

export class SeriesRepository {
  constructor(private readonly prisma: PrismaClient) {}

  find(practiceId: string, id: string): Promise<AppointmentSeries | null> {
    return this.prisma.appointmentSeries.findFirst({ where: { id, practiceId }, select: SERIES_FIELDS });
  }

  byIds(practiceId: string, ids: readonly string[]): Promise<AppointmentSeries[]> {
    return this.prisma.appointmentSeries.findMany({ where: { practiceId, id: { in: [...ids] } }, select: SERIES_FIELDS });
  }

  occurrences(practiceId: string, seriesId: string): Promise<(Appointment & { seriesIndex: number | null })[]> {
    return this.prisma.appointment.findMany({ where: { practiceId, seriesId }, select: { ...APPOINTMENT_FIELDS, seriesIndex: true }, orderBy: { startsAt: 'asc' } });
  }

  /** Active appointments touching any of these calendars between `from` and `to` (for pre-checks). */
  blocking(practiceId: string, calendars: Calendars, from: Date, to: Date) {
    return this.prisma.appointment.findMany({
      where: {
        practiceId,
        status: { in: [...BLOCKING] },
        startsAt: { lt: to },
        endsAt: { gt: from },
        OR: [{ clinicianId: calendars.clinicianId }, { clientId: calendars.clientId }, ...(calendars.roomId ? [{ roomId: calendars.roomId }] : [])],
      },
      select: { clinicianId: true, clientId: true, roomId: true, startsAt: true, endsAt: true },
    });
  }

  /** The series and its sessions in one transaction: all are booked, or none. */
  create(series: NewSeries, rows: Omit<NewAppointment, 'seriesId' | 'seriesIndex'>[]): Promise<{ series: AppointmentSeries; booked: Appointment[] }> {
    return inCalendars(this.prisma, series, async (tx) => {
      const created = await tx.appointmentSeries.create({ data: series, select: SERIES_FIELDS });
      const booked: Appointment[] = [];
      for (const [seriesIndex, row] of rows.entries()) booked.push(await tx.appointment.create({ data: { ...row, seriesId: created.id, seriesIndex }, select: APPOINTMENT_FIELDS }));
      return { series: created, booked };
    });
  }

  /**
   * Moves several sessions in one transaction (all or none). A session moving onto a time another
   * one of the same batch is leaving is fine: each row's constraint check sees the others' new
   * times only once they are written, so they are written latest-first when moving later.
   */
  move(practiceId: string, clientId: string, moves: Move[], split?: { fromSeriesId: string; oldRule: string; newSeries: NewSeries; movedIds: string[] }): Promise<Appointment[]> {
    const calendars = moves.map((m) => ({ clinicianId: m.clinicianId, roomId: m.roomId, clientId }));
    return inCalendars(this.prisma, calendars, async (tx) => {
      if (split) {
        await tx.appointmentSeries.updateMany({ where: { id: split.fromSeriesId, practiceId }, data: { rrule: split.oldRule } });
        const next = await tx.appointmentSeries.create({ data: split.newSeries, select: { id: true } });
        await tx.appointment.updateMany({ where: { practiceId, id: { in: split.movedIds } }, data: { seriesId: next.id } });
      }
      const ordered = orderForMoving(moves, await tx.appointment.findMany({ where: { practiceId, id: { in: moves.map((m) => m.id) } }, select: { id: true, startsAt: true } }));
      const updated: Appointment[] = [];
      for (const move of ordered) {
        const { id, ...data } = move;
        updated.push(await tx.appointment.update({ where: { id, practiceId }, data, select: APPOINTMENT_FIELDS }));
      }
      return updated.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    });
  }

  async updateSeries(practiceId: string, id: string, data: Partial<Pick<NewSeries, 'firstStartsAt' | 'durationMinutes' | 'clinicianId' | 'roomId' | 'rrule'>>): Promise<void> {
    await this.prisma.appointmentSeries.updateMany({ where: { id, practiceId }, data });
  }

  async cancel(practiceId: string, ids: string[], lateIds: string[], cancellation: { cancelReason: CancelReason; cancelNote: string | null; cancelledAt: Date }): Promise<Appointment[]> {
    return this.prisma.$transaction(async (tx) => {
      const onTime = ids.filter((id) => !lateIds.includes(id));
      await tx.appointment.updateMany({ where: { practiceId, id: { in: onTime }, status: 'SCHEDULED' }, data: { status: 'CANCELLED', lateCancel: false, ...cancellation } });
      await tx.appointment.updateMany({ where: { practiceId, id: { in: lateIds }, status: 'SCHEDULED' }, data: { status: 'CANCELLED', lateCancel: true, ...cancellation } });
      return tx.appointment.findMany({ where: { practiceId, id: { in: ids } }, select: APPOINTMENT_FIELDS, orderBy: { startsAt: 'asc' } });
    });
  }
}

/** Moving later: write the latest first; moving earlier: the earliest first (no transient self-overlap). */
function orderForMoving(moves: Move[], current: { id: string; startsAt: Date }[]): Move[] {
  const before = new Map(current.map((row) => [row.id, row.startsAt.getTime()]));
  const later = moves.some((m) => m.startsAt.getTime() > (before.get(m.id) ?? 0));
  return [...moves].sort((a, b) => (later ? b.startsAt.getTime() - a.startsAt.getTime() : a.startsAt.getTime() - b.startsAt.getTime()));
}
