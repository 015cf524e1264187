import type { PrismaClient } from '@solace/server-kit';

const ACTIVE = ['SCHEDULED', 'CHECKED_IN', 'COMPLETED'];

/** What the calendar-sync worker reads and writes (tables of the appointments domain). */
export class CalendarSyncRepository {
  constructor(private readonly prisma: PrismaClient) {}

  connection(practiceId: string, connectionId: string) {
    return this.prisma.calendarConnection.findFirst({ where: { id: connectionId, practiceId }, select: { id: true, clinicianId: true, externalCalendarId: true, refreshToken: true } });
  }

  connectionOf(practiceId: string, clinicianId: string) {
    return this.prisma.calendarConnection.findFirst({ where: { practiceId, clinicianId, provider: 'GOOGLE' }, select: { id: true, clinicianId: true, externalCalendarId: true, refreshToken: true } });
  }

  async timeZone(practiceId: string): Promise<string> {
    return (await this.prisma.practice.findFirst({ where: { id: practiceId }, select: { timeZone: true } }))?.timeZone ?? 'UTC';
  }

  /**
   * Replaces the connection's busy blocks in one transaction (availability never sees half a sync).
   * Two pulls of one connection can overlap (the 10-minute schedule and "pull now" after connecting):
   * a per-connection transaction lock makes the second wait, or both would insert their copy.
   */
  async replaceBusy(practiceId: string, connection: { id: string; clinicianId: string }, blocks: { startsAt: Date; endsAt: Date }[]): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`calendar-pull:${connection.id}`}))`;
      await tx.externalBusyBlock.deleteMany({ where: { practiceId, connectionId: connection.id } });
      await tx.externalBusyBlock.createMany({ data: blocks.map((b) => ({ practiceId, connectionId: connection.id, clinicianId: connection.clinicianId, ...b })) });
      await tx.calendarConnection.updateMany({ where: { id: connection.id, practiceId }, data: { lastSyncedAt: new Date(), lastError: null } });
    });
  }

  async recordError(practiceId: string, connectionId: string, code: string): Promise<void> {
    await this.prisma.calendarConnection.updateMany({ where: { id: connectionId, practiceId }, data: { lastError: code } });
  }

  async appointment(practiceId: string, appointmentId: string) {
    const row = await this.prisma.appointment.findFirst({ where: { id: appointmentId, practiceId }, select: { id: true, clinicianId: true, startsAt: true, endsAt: true, status: true } });
    return row && { ...row, active: ACTIVE.includes(row.status) };
  }

  mirror(practiceId: string, appointmentId: string) {
    return this.prisma.externalCalendarEvent.findFirst({ where: { appointmentId, practiceId }, select: { connectionId: true, externalEventId: true } });
  }

  async saveMirror(practiceId: string, appointmentId: string, connectionId: string, externalEventId: string): Promise<void> {
    await this.prisma.externalCalendarEvent.upsert({ where: { appointmentId }, create: { appointmentId, practiceId, connectionId, externalEventId }, update: { connectionId, externalEventId } });
  }

  async dropMirror(practiceId: string, appointmentId: string): Promise<void> {
    await this.prisma.externalCalendarEvent.deleteMany({ where: { appointmentId, practiceId } });
  }
}
