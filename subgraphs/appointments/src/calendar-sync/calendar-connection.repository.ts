import type { PrismaClient } from '@solace/server-kit';
import type { BusyElsewhere } from '../availability/busy-elsewhere';
import type { Interval } from '../availability/slot-finder';

export class CalendarConnectionRepository implements BusyElsewhere {
  constructor(private readonly prisma: PrismaClient) {}

  find(practiceId: string, clinicianId: string) {
    return this.prisma.calendarConnection.findFirst({ where: { practiceId, clinicianId, provider: 'GOOGLE' }, select: { id: true, connectedAt: true, lastSyncedAt: true, lastError: true } });
  }

  /** One connection per clinician and provider: connecting again replaces the token. */
  save(practiceId: string, clinicianId: string, refreshToken: string) {
    return this.prisma.calendarConnection.upsert({
      where: { clinicianId_provider: { clinicianId, provider: 'GOOGLE' } },
      create: { practiceId, clinicianId, provider: 'GOOGLE', refreshToken },
      update: { refreshToken, lastError: null, connectedAt: new Date() },
      select: { id: true, connectedAt: true, lastSyncedAt: true, lastError: true },
    });
  }

  async remove(practiceId: string, clinicianId: string): Promise<string | null> {
    const connection = await this.find(practiceId, clinicianId);
    if (!connection) return null;
    await this.prisma.calendarConnection.deleteMany({ where: { id: connection.id, practiceId } });
    return connection.id;
  }

  /** Busy time copied from outside calendars (the calendar-sync worker keeps it fresh). */
  async busy(practiceId: string, clinicianIds: string[], from: Date, to: Date): Promise<Map<string, Interval[]>> {
    const rows = await this.prisma.externalBusyBlock.findMany({
      where: { practiceId, clinicianId: { in: clinicianIds }, startsAt: { lt: to }, endsAt: { gt: from } },
      select: { clinicianId: true, startsAt: true, endsAt: true },
    });
    const byClinician = new Map<string, Interval[]>();
    for (const row of rows) byClinician.set(row.clinicianId, [...(byClinician.get(row.clinicianId) ?? []), { start: row.startsAt.getTime(), end: row.endsAt.getTime() }]);
    return byClinician;
  }
}
