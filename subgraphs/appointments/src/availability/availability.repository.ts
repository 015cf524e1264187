import type { PrismaClient } from '@solace/server-kit';
import type { Interval } from './slot-finder';

const ACTIVE = ['SCHEDULED', 'CHECKED_IN', 'COMPLETED'] as const;

export interface BookableClinician {
  id: string;
  displayName: string;
}

/** What availability needs to know; the reads of identity tables are read-only (ARCHITECTURE rule 1). */
export class AvailabilityRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async practice(practiceId: string): Promise<{ name: string; timeZone: string } | null> {
    return this.prisma.practice.findFirst({ where: { id: practiceId }, select: { name: true, timeZone: true } });
  }

  /** Active clinicians (all, or the one asked for) who have weekly hours or extra hours set. */
  clinicians(practiceId: string, clinicianId?: string): Promise<BookableClinician[]> {
    return this.prisma.staffUser.findMany({
      where: { practiceId, active: true, roles: { has: 'CLINICIAN' }, ...(clinicianId ? { id: clinicianId } : {}) },
      select: { id: true, displayName: true },
      orderBy: { displayName: 'asc' },
    });
  }

  async busyAppointments(practiceId: string, clinicianIds: string[], from: Date, to: Date): Promise<Map<string, Interval[]>> {
    const rows = await this.prisma.appointment.findMany({
      where: { practiceId, clinicianId: { in: clinicianIds }, status: { in: [...ACTIVE] }, startsAt: { lt: to }, endsAt: { gt: from } },
      select: { clinicianId: true, startsAt: true, endsAt: true },
    });
    const byClinician = new Map<string, Interval[]>();
    for (const row of rows) {
      const list = byClinician.get(row.clinicianId) ?? [];
      list.push({ start: row.startsAt.getTime(), end: row.endsAt.getTime() });
      byClinician.set(row.clinicianId, list);
    }
    return byClinician;
  }
}
