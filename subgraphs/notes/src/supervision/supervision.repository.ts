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

  /** A supervisor's open links: each supervisee and since when. */
  async openLinksOf(practiceId: string, supervisorId: string): Promise<Array<{ superviseeId: string; startedAt: Date }>> {
    return this.prisma.supervisionLink.findMany({ where: { practiceId, supervisorId, endedAt: null }, select: { superviseeId: true, startedAt: true } });
  }

  /** Those of `staffIds` who currently have a supervisor (associates), with when the earliest open supervision began. */
  async supervisedSince(practiceId: string, staffIds: readonly string[]): Promise<Map<string, Date>> {
    const links = await this.prisma.supervisionLink.findMany({ where: { practiceId, superviseeId: { in: [...staffIds] }, endedAt: null }, select: { superviseeId: true, startedAt: true } });
    const since = new Map<string, Date>();
    for (const link of links) if (!since.has(link.superviseeId) || link.startedAt < since.get(link.superviseeId)!) since.set(link.superviseeId, link.startedAt);
    return since;
  }
}
