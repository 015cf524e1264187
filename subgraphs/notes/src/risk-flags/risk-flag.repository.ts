import { DomainError, type FieldCipher, type PrismaClient } from '@solace/server-kit';
import type { RiskFlag, RiskLevel } from './risk-flag.type';

export const RISK_REASON_FIELD = 'ClientRiskFlag.reason';
export const RISK_CLEAR_REASON_FIELD = 'ClientRiskFlag.clearReason';

const FIELDS = { id: true, level: true, reason: true, flaggedById: true, flaggedAt: true, clearedById: true, clearedAt: true, clearReason: true } as const;
type Row = { id: string; level: RiskLevel; reason: string; flaggedById: string; flaggedAt: Date; clearedById: string | null; clearedAt: Date | null; clearReason: string };

const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === 'P2002';

export class RiskFlagRepository {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly cipher: FieldCipher,
  ) {}

  private readable = ({ flaggedById, clearedById, reason, clearReason, ...row }: Row): RiskFlag => ({
    ...row,
    reason: this.cipher.decrypt(reason, RISK_REASON_FIELD),
    clearReason: clearReason ? this.cipher.decrypt(clearReason, RISK_CLEAR_REASON_FIELD) : '',
    flaggedBy: { id: flaggedById },
    clearedBy: clearedById ? { id: clearedById } : null,
  });

  async clientExists(practiceId: string, clientId: string): Promise<boolean> {
    return (await this.prisma.client.findFirst({ where: { id: clientId, practiceId }, select: { id: true } })) !== null;
  }

  /** Latest first. */
  async history(practiceId: string, clientId: string): Promise<RiskFlag[]> {
    const rows = await this.prisma.clientRiskFlag.findMany({ where: { practiceId, clientId }, select: FIELDS, orderBy: { flaggedAt: 'desc' } });
    return rows.map(this.readable);
  }

  async hasCurrentSafetyPlan(practiceId: string, clientId: string): Promise<boolean> {
    return (await this.prisma.safetyPlan.findFirst({ where: { practiceId, clientId, supersededAt: null }, select: { id: true } })) !== null;
  }

  /** Closes the open flag (if any) and opens a new one, in one transaction: the old level stays in history. */
  async flag(practiceId: string, clientId: string, flag: { level: RiskLevel; reason: string; byId: string; at: Date }, replacedReason: string): Promise<void> {
    try {
      await this.prisma.$transaction(async (tx) => {
        await tx.clientRiskFlag.updateMany({
          where: { practiceId, clientId, clearedAt: null },
          data: { clearedAt: flag.at, clearedById: flag.byId, clearReason: this.cipher.encrypt(replacedReason, RISK_CLEAR_REASON_FIELD) },
        });
        await tx.clientRiskFlag.create({ data: { practiceId, clientId, level: flag.level, reason: this.cipher.encrypt(flag.reason, RISK_REASON_FIELD), flaggedById: flag.byId, flaggedAt: flag.at } });
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainError('CONFLICT', 'The risk flag was changed at the same time; reload.', { cause: error });
      throw error;
    }
  }

  /** Clears the open flag; false when there was none. */
  async clear(practiceId: string, clientId: string, clear: { reason: string; byId: string; at: Date }): Promise<boolean> {
    const { count } = await this.prisma.clientRiskFlag.updateMany({
      where: { practiceId, clientId, clearedAt: null },
      data: { clearedAt: clear.at, clearedById: clear.byId, clearReason: this.cipher.encrypt(clear.reason, RISK_CLEAR_REASON_FIELD) },
    });
    return count > 0;
  }
}
