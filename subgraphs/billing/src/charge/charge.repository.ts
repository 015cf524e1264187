import type { PrismaClient } from '@solace/server-kit';
import type { Charge } from './charge.type';

const FIELDS = { id: true, appointmentId: true, clientId: true, cptCode: true, amountCents: true, createdAt: true } as const;

export class ChargeRepository {
  constructor(private readonly prisma: PrismaClient) {}

  findInPractice(practiceId: string, id: string): Promise<Charge | null> {
    return this.prisma.charge.findFirst({ where: { id, practiceId }, select: FIELDS });
  }

  listForClient(practiceId: string, clientId: string): Promise<Charge[]> {
    return this.prisma.charge.findMany({ where: { practiceId, clientId }, select: FIELDS, orderBy: { createdAt: 'desc' }, take: 500 });
  }

  /** Sum of the client's charges; payments arrive with the billing issue. */
  async balanceCents(practiceId: string, clientId: string): Promise<number> {
    const result = await this.prisma.charge.aggregate({ where: { practiceId, clientId }, _sum: { amountCents: true } });
    return result._sum.amountCents ?? 0;
  }

  /** Read-only look at the appointment being billed (owned by the appointments domain). */
  findAppointment(practiceId: string, id: string) {
    return this.prisma.appointment.findFirst({ where: { id, practiceId }, select: { id: true, clientId: true, status: true } });
  }

  /** null when the appointment already has a charge (unique appointmentId). */
  async create(data: { practiceId: string; appointmentId: string; clientId: string; cptCode: string; amountCents: number }): Promise<Charge | null> {
    const result = await this.prisma.charge.createMany({ data: [data], skipDuplicates: true });
    if (result.count === 0) return null;
    return this.prisma.charge.findFirst({ where: { appointmentId: data.appointmentId, practiceId: data.practiceId }, select: FIELDS });
  }
}
