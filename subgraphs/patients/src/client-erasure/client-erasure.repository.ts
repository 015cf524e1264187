import type { PrismaClient } from '@solace/server-kit';

export class ClientErasureRepository {
  constructor(private readonly prisma: PrismaClient) {}

  findStatus(practiceId: string, clientId: string) {
    return this.prisma.client.findFirst({ where: { practiceId, id: clientId }, select: { id: true, erasedAt: true } });
  }

  /** Removes the contact details and marks the record erased (once; later calls change nothing). */
  async anonymize(practiceId: string, clientId: string, now: Date): Promise<void> {
    // Guardians' contact details are contact details about the client too, and so is the number
    // their text-reminder history was kept under.
    await this.prisma.clientGuardian.updateMany({ where: { practiceId, clientId }, data: { phone: null, email: null } });
    await this.prisma.smsConsentEvent.updateMany({ where: { practiceId, clientId }, data: { phone: null } });
    await this.prisma.client.updateMany({
      where: { practiceId, id: clientId, erasedAt: null },
      data: {
        email: null,
        phone: null,
        addressLine1: null,
        addressLine2: null,
        addressCity: null,
        addressState: null,
        addressPostalCode: null,
        emergencyContactName: null,
        emergencyContactRelationship: null,
        emergencyContactPhone: null,
        reminderEmail: false,
        reminderSms: false,
        status: 'DISCHARGED',
        erasedAt: now,
      },
    });
  }
}
