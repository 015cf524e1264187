import type { PrismaClient } from '@solace/server-kit';
import type { AvailabilityException, AvailabilityExceptionKind } from './clinician-hours.type';

export interface HoursRow {
  clinicianId: string;
  weekday: number;
  startMinute: number;
  endMinute: number;
}

const EXCEPTION_FIELDS = { id: true, clinicianId: true, kind: true, startsAt: true, endsAt: true, label: true } as const;

export class ClinicianHoursRepository {
  constructor(private readonly prisma: PrismaClient) {}

  weeklyHours(practiceId: string, clinicianIds: string[]): Promise<HoursRow[]> {
    return this.prisma.workingHours.findMany({
      where: { practiceId, clinicianId: { in: clinicianIds } },
      select: { clinicianId: true, weekday: true, startMinute: true, endMinute: true },
      orderBy: [{ weekday: 'asc' }, { startMinute: 'asc' }],
    });
  }

  /** Replaces a clinician's week in one transaction: readers see the old week or the new one. */
  async replaceWeeklyHours(practiceId: string, clinicianId: string, blocks: Omit<HoursRow, 'clinicianId'>[]): Promise<void> {
    await this.prisma.$transaction([
      this.prisma.workingHours.deleteMany({ where: { practiceId, clinicianId } }),
      this.prisma.workingHours.createMany({ data: blocks.map((block) => ({ practiceId, clinicianId, ...block })) }),
    ]);
  }

  exceptions(practiceId: string, clinicianIds: string[], from: Date, to: Date): Promise<AvailabilityException[]> {
    return this.prisma.availabilityException.findMany({
      where: { practiceId, clinicianId: { in: clinicianIds }, startsAt: { lt: to }, endsAt: { gt: from } },
      select: EXCEPTION_FIELDS,
      orderBy: { startsAt: 'asc' },
    });
  }

  findException(practiceId: string, id: string): Promise<AvailabilityException | null> {
    return this.prisma.availabilityException.findFirst({ where: { id, practiceId }, select: EXCEPTION_FIELDS });
  }

  addException(practiceId: string, data: { clinicianId: string; kind: AvailabilityExceptionKind; startsAt: Date; endsAt: Date; label?: string | null }): Promise<AvailabilityException> {
    return this.prisma.availabilityException.create({ data: { practiceId, ...data }, select: EXCEPTION_FIELDS });
  }

  async removeException(practiceId: string, id: string): Promise<boolean> {
    const { count } = await this.prisma.availabilityException.deleteMany({ where: { id, practiceId } });
    return count === 1;
  }

  async isActiveClinician(practiceId: string, staffUserId: string): Promise<boolean> {
    return (await this.prisma.staffUser.count({ where: { id: staffUserId, practiceId, active: true, roles: { has: 'CLINICIAN' } } })) === 1;
  }
}
