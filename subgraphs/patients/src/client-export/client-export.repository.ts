import type { FieldCipher, PrismaClient } from '@solace/server-kit';
import { MEMBER_ID_FIELD } from '../client-insurance/client-insurance.repository';

export class ClientExportRepository {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly cipher: FieldCipher,
  ) {}

  /** The whole client row, for the data-subject export (never used to render screens). */
  findForExport(practiceId: string, clientId: string) {
    return this.prisma.client.findFirst({
      where: { id: clientId, practiceId },
      // Every column but the practice and erasure bookkeeping: the client is entitled to all of it.
      omit: { practiceId: true, erasedAt: true },
    });
  }

  /** The client's insurance policies, guardians and consents, for the same export. */
  async findRelatedForExport(practiceId: string, clientId: string) {
    const where = { practiceId, clientId };
    const omit = { practiceId: true } as const;
    const [insurances, guardians, consents, documents] = await Promise.all([
      this.prisma.clientInsurance.findMany({ where, omit, orderBy: { rank: 'asc' } }),
      this.prisma.clientGuardian.findMany({ where, omit, orderBy: { createdAt: 'asc' } }),
      this.prisma.clientConsent.findMany({ where, omit, orderBy: { signedAt: 'asc' } }),
      this.prisma.clientDocument.findMany({ where: { ...where, confirmedAt: { not: null } }, omit: { practiceId: true, storageKey: true }, orderBy: { createdAt: 'asc' } }),
    ]);
    return { insurances: insurances.map((row) => ({ ...row, memberId: this.cipher.decrypt(row.memberId, MEMBER_ID_FIELD) })), guardians, consents, documents };
  }
}
