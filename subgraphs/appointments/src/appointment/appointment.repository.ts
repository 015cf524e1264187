import type { PrismaClient } from '@solace/server-kit';
import type { Appointment, AppointmentStatus } from './appointment.type';

const FIELDS = { id: true, practiceId: true, clientId: true, clinicianId: true, startsAt: true, endsAt: true, status: true } as const;

/** PostgreSQL's exclusion_violation: the Appointment_no_clinician_overlap constraint refused the row. */
export class OverlapError extends Error {}

function rethrowOverlap(error: unknown): never {
  const text = `${(error as Error)?.message ?? ''} ${JSON.stringify((error as { meta?: unknown })?.meta ?? {})}`;
  if (text.includes('23P01') || text.includes('no_clinician_overlap')) throw new OverlapError('overlap', { cause: error });
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

export class AppointmentRepository {
  constructor(private readonly prisma: PrismaClient) {}

  findInPractice(practiceId: string, id: string): Promise<Appointment | null> {
    return this.prisma.appointment.findFirst({ where: { id, practiceId }, select: FIELDS });
  }

  listInRange(practiceId: string, from: Date, to: Date, clinicianId?: string): Promise<Appointment[]> {
    return this.prisma.appointment.findMany({
      where: { practiceId, startsAt: { lt: to }, endsAt: { gt: from }, ...(clinicianId ? { clinicianId } : {}) },
      select: FIELDS,
      orderBy: { startsAt: 'asc' },
      take: 2000,
    });
  }

  create(data: { practiceId: string; clientId: string; clinicianId: string; startsAt: Date; endsAt: Date }): Promise<Appointment> {
    return this.inClinicianDiary(data.clinicianId, (tx) => tx.appointment.create({ data, select: FIELDS }));
  }

  updateTimes(current: Appointment, startsAt: Date, endsAt: Date): Promise<Appointment> {
    return this.inClinicianDiary(current.clinicianId, (tx) =>
      tx.appointment.update({ where: { id: current.id, practiceId: current.practiceId }, data: { startsAt, endsAt }, select: FIELDS }),
    );
  }

  updateStatus(current: Appointment, status: AppointmentStatus): Promise<Appointment> {
    return this.inClinicianDiary(current.clinicianId, (tx) =>
      tx.appointment.update({ where: { id: current.id, practiceId: current.practiceId }, data: { status }, select: FIELDS }),
    );
  }

  /**
   * Writes to one clinician's diary one at a time (a transaction-scoped advisory lock). The
   * exclusion constraint is what guarantees no overlap; the lock only spares PostgreSQL the
   * deadlocks that concurrent exclusion checks otherwise hit (each costing deadlock_timeout).
   */
  private inClinicianDiary<T>(clinicianId: string, write: (tx: Parameters<Parameters<PrismaClient['$transaction']>[0]>[0]) => Promise<T>): Promise<T> {
    return writeWithRetry(() =>
      this.prisma.$transaction(async (tx) => {
        await tx.$executeRaw`select pg_advisory_xact_lock(hashtextextended(${`diary:${clinicianId}`}, 0))`;
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
