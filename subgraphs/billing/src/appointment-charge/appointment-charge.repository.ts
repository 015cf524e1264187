import type { PrismaClient } from '@solace/server-kit';
import type { Charge } from '../charge/charge.type';

const FIELDS = { id: true, appointmentId: true, clientId: true, cptCode: true, amountCents: true, createdAt: true } as const;

export class AppointmentChargeRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** The charges of these appointments (at most one each: appointmentId is unique). */
  forAppointments(practiceId: string, appointmentIds: readonly string[]): Promise<Charge[]> {
    return this.prisma.charge.findMany({ where: { practiceId, appointmentId: { in: [...appointmentIds] } }, select: FIELDS });
  }
}
