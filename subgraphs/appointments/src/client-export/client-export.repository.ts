import { exportRecord, type ExportRecord, type PrismaClient } from '@solace/server-kit';

export class ClientExportRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async appointments(practiceId: string, clientId: string): Promise<ExportRecord[]> {
    const rows = await this.prisma.appointment.findMany({
      where: { practiceId, clientId },
      select: {
        id: true,
        clinicianId: true,
        serviceId: true,
        roomId: true,
        modality: true,
        bookedVia: true,
        seriesId: true,
        startsAt: true,
        endsAt: true,
        status: true,
        checkedInAt: true,
        cancelledAt: true,
        cancelReason: true,
        cancelNote: true,
        lateCancel: true,
        createdAt: true,
        updatedAt: true,
      },
      orderBy: { startsAt: 'asc' },
    });
    return rows.map(exportRecord);
  }

  async waitlist(practiceId: string, clientId: string): Promise<ExportRecord[]> {
    const rows = await this.prisma.waitlistEntry.findMany({
      where: { practiceId, clientId },
      select: {
        id: true,
        serviceId: true,
        preferredClinicianIds: true,
        preferredWeekdays: true,
        earliestMinute: true,
        latestMinute: true,
        note: true,
        status: true,
        createdAt: true,
        offers: { select: { id: true, clinicianId: true, startsAt: true, endsAt: true, status: true, expiresAt: true, respondedAt: true } },
      },
      orderBy: { createdAt: 'asc' },
    });
    return rows.map(({ offers, ...row }) => ({ ...exportRecord(row), offers: offers.map(exportRecord) }));
  }
}
