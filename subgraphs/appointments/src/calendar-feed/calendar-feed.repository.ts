import type { PrismaClient } from '@solace/server-kit';

export class CalendarFeedRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** The new feed replaces the staff member's earlier ones (their links stop working). */
  async replace(practiceId: string, staffUserId: string, tokenHash: string, now: Date): Promise<void> {
    await this.prisma.$transaction([
      this.prisma.calendarFeed.updateMany({ where: { practiceId, staffUserId, revokedAt: null }, data: { revokedAt: now } }),
      this.prisma.calendarFeed.create({ data: { practiceId, staffUserId, tokenHash } }),
    ]);
  }

  async revokeAll(practiceId: string, staffUserId: string, now: Date): Promise<number> {
    const { count } = await this.prisma.calendarFeed.updateMany({ where: { practiceId, staffUserId, revokedAt: null }, data: { revokedAt: now } });
    return count;
  }

  /** crosses practices (system scope under RLS): a calendar app presents only the secret. */
  findLive(tokenHash: string) {
    return this.prisma.calendarFeed.findFirst({ where: { tokenHash, revokedAt: null }, select: { id: true, practiceId: true, staffUserId: true } });
  }

  async touch(id: string, practiceId: string, at: Date): Promise<void> {
    await this.prisma.calendarFeed.updateMany({ where: { id, practiceId }, data: { lastFetchedAt: at } });
  }

  /** The clinician's appointments in the window, without anything about the client. */
  appointmentsOf(practiceId: string, clinicianId: string, from: Date, to: Date) {
    return this.prisma.appointment.findMany({
      where: { practiceId, clinicianId, startsAt: { lt: to }, endsAt: { gt: from }, status: { not: 'CANCELLED' } },
      select: { id: true, startsAt: true, endsAt: true, status: true, updatedAt: true },
      orderBy: { startsAt: 'asc' },
    });
  }

  practiceName(practiceId: string) {
    return this.prisma.practice.findFirst({ where: { id: practiceId }, select: { name: true, timeZone: true } });
  }
}
