import type { PrismaClient } from '@solace/server-kit';

const BLOCKING = ['SCHEDULED', 'CHECKED_IN', 'COMPLETED'] as const;

export interface WaitlistCandidate {
  id: string;
  clientId: string;
  serviceId: string;
  durationMinutes: number;
  preferredClinicianIds: string[];
  preferredWeekdays: number[];
  earliestMinute: number | null;
  latestMinute: number | null;
}

/** What the waitlist worker reads and writes (the WaitlistOffer table belongs to appointments). */
export class WaitlistRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async practice(practiceId: string) {
    return this.prisma.practice.findFirst({ where: { id: practiceId }, select: { name: true, timeZone: true } });
  }

  /** Active entries without an open offer, first come first served. */
  async candidates(practiceId: string): Promise<WaitlistCandidate[]> {
    const entries = await this.prisma.waitlistEntry.findMany({
      where: { practiceId, status: 'ACTIVE', offers: { none: { status: 'PENDING' } } },
      select: { id: true, clientId: true, serviceId: true, preferredClinicianIds: true, preferredWeekdays: true, earliestMinute: true, latestMinute: true },
      orderBy: { createdAt: 'asc' },
      take: 500,
    });
    const services = await this.prisma.service.findMany({ where: { practiceId, id: { in: [...new Set(entries.map((e) => e.serviceId))] }, active: true }, select: { id: true, durationMinutes: true } });
    const minutes = new Map(services.map((s) => [s.id, s.durationMinutes]));
    return entries.filter((e) => minutes.has(e.serviceId)).map((e) => ({ ...e, durationMinutes: minutes.get(e.serviceId)! }));
  }

  async offeredBefore(entryId: string, clinicianId: string, startsAt: Date): Promise<boolean> {
    return (await this.prisma.waitlistOffer.count({ where: { entryId, clinicianId, startsAt } })) > 0;
  }

  /** No active appointment of the clinician or of the client overlaps [start, end). */
  async isFree(practiceId: string, clinicianId: string, clientId: string, startsAt: Date, endsAt: Date): Promise<boolean> {
    const clashes = await this.prisma.appointment.count({
      where: { practiceId, status: { in: [...BLOCKING] }, startsAt: { lt: endsAt }, endsAt: { gt: startsAt }, OR: [{ clinicianId }, { clientId }] },
    });
    return clashes === 0;
  }

  async offerDetails(practiceId: string, clientId: string, clinicianId: string, serviceId: string) {
    const [client, clinician, service] = await Promise.all([
      this.prisma.client.findFirst({ where: { id: clientId, practiceId, erasedAt: null }, select: { firstName: true, email: true } }),
      this.prisma.staffUser.findFirst({ where: { id: clinicianId, practiceId }, select: { displayName: true } }),
      this.prisma.service.findFirst({ where: { id: serviceId, practiceId }, select: { name: true } }),
    ]);
    return client && clinician && service ? { client, clinician, service } : null;
  }

  createOffer(data: { practiceId: string; entryId: string; clinicianId: string; startsAt: Date; endsAt: Date; holdId: string; tokenHash: string; expiresAt: Date }) {
    return this.prisma.waitlistOffer.create({ data, select: { id: true } });
  }

  findOffer(practiceId: string, offerId: string) {
    return this.prisma.waitlistOffer.findFirst({ where: { id: offerId, practiceId }, select: { id: true, status: true, clinicianId: true, startsAt: true, endsAt: true, holdId: true } });
  }

  /** PENDING → LAPSED; false when the offer was answered meanwhile. */
  async lapse(practiceId: string, offerId: string): Promise<boolean> {
    const { count } = await this.prisma.waitlistOffer.updateMany({ where: { id: offerId, practiceId, status: 'PENDING' }, data: { status: 'LAPSED', respondedAt: new Date() } });
    return count === 1;
  }
}
