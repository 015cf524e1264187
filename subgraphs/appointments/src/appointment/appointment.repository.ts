import type { PrismaClient } from '@solace/server-kit';
import { APPOINTMENT_FIELDS, type Appointment, type AppointmentStatus, type BookingChannel, type CancelReason } from './appointment.type';
import type { Modality } from '../catalog/catalog.type';

type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

export type OverlapReason = 'CLINICIAN_OVERLAP' | 'ROOM_OVERLAP' | 'CLIENT_OVERLAP';

/** PostgreSQL's exclusion_violation: one of the Appointment_no_*_overlap constraints refused the row. */
export class OverlapError extends Error {
  constructor(
    readonly reason: OverlapReason,
    options: { cause: unknown },
  ) {
    super(reason, options);
  }
}

const CONSTRAINT_REASONS: [string, OverlapReason][] = [
  ['no_clinician_overlap', 'CLINICIAN_OVERLAP'],
  ['no_room_overlap', 'ROOM_OVERLAP'],
  ['no_client_overlap', 'CLIENT_OVERLAP'],
];

function rethrowOverlap(error: unknown): never {
  const text = `${(error as Error)?.message ?? ''} ${JSON.stringify((error as { meta?: unknown })?.meta ?? {})}`;
  const match = CONSTRAINT_REASONS.find(([constraint]) => text.includes(constraint));
  if (match) throw new OverlapError(match[1], { cause: error });
  if (text.includes('23P01')) throw new OverlapError('CLINICIAN_OVERLAP', { cause: error });
  throw error;
}

/** Prisma's P2034: PostgreSQL reported a deadlock or write conflict; the statement may simply be retried. */
const isRetryable = (error: unknown) => (error as { code?: unknown })?.code === 'P2034' || /40P01|40001|deadlock/i.test(String((error as Error)?.message));

/**
 * Concurrent inserts checked by the same exclusion constraint can deadlock in PostgreSQL (each
 * waits on the other's tentative row). The loser is rolled back; trying again then meets the
 * winner's committed row and fails with the real answer, an overlap.
 */
async function writeWithRetry<T>(write: () => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (attempt >= attempts || !isRetryable(error)) rethrowOverlap(error);
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 20));
    }
  }
}

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

/** Whose calendars a write touches: the constraints that could refuse it. */
interface Calendars {
  clinicianId: string;
  clientId: string;
  roomId: string | null;
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
    return this.inCalendars(data, (tx) => tx.appointment.create({ data, select: APPOINTMENT_FIELDS }));
  }

  /** Several appointments in one transaction (a recurring series): all are booked or none. */
  createMany(rows: NewAppointment[]): Promise<Appointment[]> {
    if (rows.length === 0) return Promise.resolve([]);
    return this.inCalendars(rows[0]!, async (tx) => {
      const created: Appointment[] = [];
      for (const data of rows) created.push(await tx.appointment.create({ data, select: APPOINTMENT_FIELDS }));
      return created;
    });
  }

  move(current: Appointment, change: { startsAt: Date; endsAt: Date; clinicianId: string; roomId: string | null }): Promise<Appointment> {
    return this.inCalendars({ ...change, clientId: current.clientId }, (tx) =>
      tx.appointment.update({ where: { id: current.id, practiceId: current.practiceId }, data: change, select: APPOINTMENT_FIELDS }),
    );
  }

  updateStatus(current: Appointment, status: AppointmentStatus, extra: { checkedInAt?: Date } = {}): Promise<Appointment> {
    return this.inCalendars(current, (tx) =>
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

  setMeeting(practiceId: string, id: string, meeting: { meetingJoinUrl: string; meetingHostUrl: string; meetingExternalId: string }): Promise<Appointment> {
    return this.prisma.appointment.update({ where: { id, practiceId }, data: meeting, select: APPOINTMENT_FIELDS });
  }

  /**
   * Writes to the touched calendars one at a time (transaction-scoped advisory locks, always taken
   * in sorted key order so two writers never wait on each other in a cycle). The exclusion
   * constraints are what guarantee no overlap; the locks only spare PostgreSQL the deadlocks that
   * concurrent exclusion checks otherwise hit (each costing deadlock_timeout).
   */
  private inCalendars<T>(calendars: Calendars, write: (tx: Tx) => Promise<T>): Promise<T> {
    const keys = [`diary:${calendars.clinicianId}`, `client:${calendars.clientId}`, ...(calendars.roomId ? [`room:${calendars.roomId}`] : [])].sort();
    return writeWithRetry(() =>
      this.prisma.$transaction(async (tx) => {
        for (const key of keys) await tx.$executeRaw`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
        return write(tx);
      }),
    );
  }

  // Booking validates its references. These reads cross into the patients and identity tables
  // (read-only, by id and practice); writes stay within this domain (ARCHITECTURE rule 1).
  async clientExists(practiceId: string, clientId: string): Promise<boolean> {
    return (await this.prisma.client.count({ where: { id: clientId, practiceId } })) === 1;
  }

  async isActiveClinician(practiceId: string, staffUserId: string): Promise<boolean> {
    const count = await this.prisma.staffUser.count({ where: { id: staffUserId, practiceId, active: true, roles: { has: 'CLINICIAN' } } });
    return count === 1;
  }
}
