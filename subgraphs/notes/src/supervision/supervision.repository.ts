// Who supervises whom, read from the identity subgraph's SupervisionLink table (open links only).
import type { PrismaClient } from '@solace/server-kit';

export class SupervisionRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** The open supervisors of a clinician: non-empty exactly when the clinician is an associate. */
  async supervisorsOf(practiceId: string, superviseeId: string): Promise<string[]> {
    const links = await this.prisma.supervisionLink.findMany({ where: { practiceId, superviseeId, endedAt: null }, select: { supervisorId: true } });
    return links.map((link) => link.supervisorId);
  }

  async superviseesOf(practiceId: string, supervisorId: string): Promise<string[]> {
    const links = await this.prisma.supervisionLink.findMany({ where: { practiceId, supervisorId, endedAt: null }, select: { superviseeId: true } });
    return links.map((link) => link.superviseeId);
  }

  /** Those of `staffIds` who currently have a supervisor (associates). */
  async supervisedAmong(practiceId: string, staffIds: readonly string[]): Promise<Set<string>> {
    const links = await this.prisma.supervisionLink.findMany({ where: { practiceId, superviseeId: { in: [...staffIds] }, endedAt: null }, select: { superviseeId: true } });
    return new Set(links.map((link) => link.superviseeId));
  }
}
