import type { PrismaClient } from '@solace/server-kit';
import type { SupervisionLink } from './supervision.type';

const STAFF = { select: { id: true, practiceId: true, displayName: true, email: true, roles: true } } as const;
const LINK_FIELDS = { id: true, practiceId: true, supervisorId: true, superviseeId: true, startedAt: true, endedAt: true } as const;

export class SupervisionRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** Links with both people; `involving` narrows to links where that user is either side. */
  async list(practiceId: string, options: { involving?: string; includeEnded: boolean }): Promise<SupervisionLink[]> {
    const links = await this.prisma.supervisionLink.findMany({
      where: {
        practiceId,
        ...(options.includeEnded ? {} : { endedAt: null }),
        ...(options.involving ? { OR: [{ supervisorId: options.involving }, { superviseeId: options.involving }] } : {}),
      },
      select: LINK_FIELDS,
      orderBy: { startedAt: 'desc' },
    });
    return this.withPeople(practiceId, links);
  }

  async findOpen(practiceId: string, supervisorId: string, superviseeId: string) {
    return this.prisma.supervisionLink.findFirst({ where: { practiceId, supervisorId, superviseeId, endedAt: null }, select: { id: true } });
  }

  async findInPractice(practiceId: string, id: string): Promise<SupervisionLink | null> {
    const link = await this.prisma.supervisionLink.findFirst({ where: { practiceId, id }, select: LINK_FIELDS });
    return link ? ((await this.withPeople(practiceId, [link]))[0] ?? null) : null;
  }

  async create(practiceId: string, supervisorId: string, superviseeId: string): Promise<SupervisionLink> {
    const link = await this.prisma.supervisionLink.create({ data: { practiceId, supervisorId, superviseeId }, select: LINK_FIELDS });
    return (await this.withPeople(practiceId, [link]))[0]!;
  }

  /** Ends an open link; false when it was already ended (or is not this practice's). */
  async end(practiceId: string, id: string, at: Date): Promise<boolean> {
    const { count } = await this.prisma.supervisionLink.updateMany({ where: { practiceId, id, endedAt: null }, data: { endedAt: at } });
    return count === 1;
  }

  private async withPeople(practiceId: string, links: Array<Omit<SupervisionLink, 'supervisor' | 'supervisee'>>): Promise<SupervisionLink[]> {
    const ids = [...new Set(links.flatMap((link) => [link.supervisorId, link.superviseeId]))];
    const people = await this.prisma.staffUser.findMany({ where: { practiceId, id: { in: ids } }, ...STAFF });
    const byId = new Map(people.map((person) => [person.id, person]));
    return links.map((link) => ({ ...link, supervisor: byId.get(link.supervisorId)!, supervisee: byId.get(link.superviseeId)! })) as SupervisionLink[];
  }
}
