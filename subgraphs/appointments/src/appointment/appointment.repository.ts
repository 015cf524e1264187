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
    return this.prisma.appointment.create({ data, select: FIELDS }).catch(rethrowOverlap);
  }

  updateTimes(practiceId: string, id: string, startsAt: Date, endsAt: Date): Promise<Appointment> {
    return this.prisma.appointment.update({ where: { id, practiceId }, data: { startsAt, endsAt }, select: FIELDS }).catch(rethrowOverlap);
  }

  updateStatus(practiceId: string, id: string, status: AppointmentStatus): Promise<Appointment> {
    return this.prisma.appointment.update({ where: { id, practiceId }, data: { status }, select: FIELDS }).catch(rethrowOverlap);
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
