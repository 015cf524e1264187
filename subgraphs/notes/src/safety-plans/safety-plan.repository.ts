import { DomainError, type FieldCipher, type PrismaClient } from '@solace/server-kit';
import type { SafetyPlan, SafetyPlanSections } from './safety-plan.type';

export const SAFETY_PLAN_CONTENT_FIELD = 'SafetyPlan.content';

const FIELDS = { id: true, clientId: true, version: true, content: true, createdById: true, createdAt: true, supersededAt: true } as const;
type Row = { id: string; clientId: string; version: number; content: string; createdById: string; createdAt: Date; supersededAt: Date | null };

const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === 'P2002';

export class SafetyPlanRepository {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly cipher: FieldCipher,
  ) {}

  private readable = ({ content, createdById, ...row }: Row): SafetyPlan => ({
    ...row,
    ...(JSON.parse(this.cipher.decrypt(content, SAFETY_PLAN_CONTENT_FIELD)) as SafetyPlanSections),
    current: row.supersededAt === null,
    createdBy: { id: createdById },
  });

  async clientExists(practiceId: string, clientId: string): Promise<boolean> {
    return (await this.prisma.client.findFirst({ where: { id: clientId, practiceId }, select: { id: true } })) !== null;
  }

  /** Newest first: the current version, then history. */
  async listForClient(practiceId: string, clientId: string): Promise<SafetyPlan[]> {
    const rows = await this.prisma.safetyPlan.findMany({ where: { practiceId, clientId }, select: FIELDS, orderBy: { version: 'desc' } });
    return rows.map(this.readable);
  }

  /** Writes the next version and retires the current one, in one transaction. */
  async saveVersion(practiceId: string, clientId: string, createdById: string, sections: SafetyPlanSections, at: Date): Promise<SafetyPlan> {
    try {
      const row = await this.prisma.$transaction(async (tx) => {
        const latest = await tx.safetyPlan.findFirst({ where: { practiceId, clientId }, select: { version: true }, orderBy: { version: 'desc' } });
        await tx.safetyPlan.updateMany({ where: { practiceId, clientId, supersededAt: null }, data: { supersededAt: at } });
        return tx.safetyPlan.create({
          data: { practiceId, clientId, createdById, createdAt: at, version: (latest?.version ?? 0) + 1, content: this.cipher.encrypt(JSON.stringify(sections), SAFETY_PLAN_CONTENT_FIELD) },
          select: FIELDS,
        });
      });
      return this.readable(row);
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainError('CONFLICT', 'The safety plan was saved by someone else at the same time; reload.', { cause: error });
      throw error;
    }
  }
}
