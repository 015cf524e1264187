import type { PrismaClient } from '@solace/server-kit';
import type { Interval } from './slot-finder';

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

  /**
   * Active appointments overlapping [from, to) as busy intervals. Epoch milliseconds come straight
   * from PostgreSQL: four weeks of a 50-clinician practice is ~8,000 rows, and mapping each row's
   * timestamps to Dates through Prisma's client cost more than the query itself.
   */
  async busyAppointments(practiceId: string, clinicianIds: string[], from: Date, to: Date): Promise<Map<string, Interval[]>> {
    const rows = await this.prisma.$queryRaw<Array<{ clinicianId: string; start: number; end: number }>>`
      select "clinicianId"::text as "clinicianId", (extract(epoch from "startsAt") * 1000)::float8 as "start", (extract(epoch from "endsAt") * 1000)::float8 as "end"
      from "Appointment"
      where "practiceId" = ${practiceId}::uuid and "clinicianId" = any(${clinicianIds}::uuid[])
        and status in ('SCHEDULED', 'CHECKED_IN', 'COMPLETED') and "startsAt" < ${to}::timestamptz and "endsAt" > ${from}::timestamptz`;
    const byClinician = new Map<string, Interval[]>();
    for (const row of rows) {
      let list = byClinician.get(row.clinicianId);
      if (!list) byClinician.set(row.clinicianId, (list = []));
      list.push({ start: row.start, end: row.end });
    }
    return byClinician;
  }
}
