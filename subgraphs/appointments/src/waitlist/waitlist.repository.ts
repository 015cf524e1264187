import type { PrismaClient } from '@solace/server-kit';
import type { WaitlistEntry, WaitlistStatus } from './waitlist.type';

const OFFER_FIELDS = { id: true, clinicianId: true, startsAt: true, endsAt: true, expiresAt: true, status: true, appointmentId: true } as const;
const ENTRY_FIELDS = {
  id: true,
  clientId: true,
  serviceId: true,
  preferredClinicianIds: true,
  preferredWeekdays: true,
  earliestMinute: true,
  latestMinute: true,
  note: true,
  status: true,
  createdAt: true,
  offers: { select: OFFER_FIELDS, orderBy: { createdAt: 'desc' as const }, take: 10 },
} as const;

const clock = (minutes: number | null) => (minutes === null ? null : `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`);
type EntryRow = Omit<WaitlistEntry, 'earliestTime' | 'latestTime'> & { earliestMinute: number | null; latestMinute: number | null };
const toEntry = ({ earliestMinute, latestMinute, ...row }: EntryRow): WaitlistEntry => ({ ...row, earliestTime: clock(earliestMinute), latestTime: clock(latestMinute) });

export interface NewEntry {
  clientId: string;
  serviceId: string;
  preferredClinicianIds: string[];
  preferredWeekdays: number[];
  earliestMinute: number | null;
  latestMinute: number | null;
  note: string | null;
}

export class WaitlistRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async list(practiceId: string, status: WaitlistStatus): Promise<WaitlistEntry[]> {
    const rows = await this.prisma.waitlistEntry.findMany({ where: { practiceId, status }, select: ENTRY_FIELDS, orderBy: { createdAt: 'asc' }, take: 500 });
    return rows.map(toEntry);
  }

  async add(practiceId: string, entry: NewEntry): Promise<WaitlistEntry> {
    return toEntry(await this.prisma.waitlistEntry.create({ data: { practiceId, ...entry }, select: ENTRY_FIELDS }));
  }

  async remove(practiceId: string, id: string): Promise<WaitlistEntry | null> {
    const { count } = await this.prisma.waitlistEntry.updateMany({ where: { id, practiceId, status: 'ACTIVE' }, data: { status: 'REMOVED' } });
    if (count === 0) return null;
    const row = await this.prisma.waitlistEntry.findFirst({ where: { id, practiceId }, select: ENTRY_FIELDS });
    return row && toEntry(row);
  }

  async clientExists(practiceId: string, clientId: string): Promise<boolean> {
    return (await this.prisma.client.count({ where: { id: clientId, practiceId, erasedAt: null } })) === 1;
  }

  /** Public lookup by the hashed link secret, before the practice is known (system scope). */
  offerByTokenHash(tokenHash: string) {
    return this.prisma.waitlistOffer.findFirst({
      where: { tokenHash },
      select: { ...OFFER_FIELDS, practiceId: true, holdId: true, entry: { select: { id: true, clientId: true, serviceId: true } } },
    });
  }

  /** PENDING → ACCEPTED or DECLINED, once. */
  async answer(practiceId: string, offerId: string, status: 'ACCEPTED' | 'DECLINED', appointmentId?: string): Promise<boolean> {
    const { count } = await this.prisma.waitlistOffer.updateMany({ where: { id: offerId, practiceId, status: 'PENDING' }, data: { status, respondedAt: new Date(), appointmentId } });
    return count === 1;
  }

  async markBooked(practiceId: string, entryId: string): Promise<void> {
    await this.prisma.waitlistEntry.updateMany({ where: { id: entryId, practiceId }, data: { status: 'BOOKED' } });
  }

  async names(practiceId: string, clinicianId: string, serviceId: string) {
    const [practice, clinician, service] = await Promise.all([
      this.prisma.practice.findFirst({ where: { id: practiceId }, select: { name: true, timeZone: true } }),
      this.prisma.staffUser.findFirst({ where: { id: clinicianId, practiceId }, select: { displayName: true } }),
      this.prisma.service.findFirst({ where: { id: serviceId, practiceId }, select: { name: true } }),
    ]);
    return { practiceName: practice?.name ?? '', timeZone: practice?.timeZone ?? 'UTC', clinicianName: clinician?.displayName ?? '', serviceName: service?.name ?? '' };
  }
}

