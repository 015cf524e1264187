import type { PrismaClient } from '@solace/server-kit';
import { APPOINTMENT_FIELDS, type Appointment } from '../appointment/appointment.type';

export class ClientChartRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** A client's appointments, latest first (future ones included), for the chart's timeline. */
  listForClient(practiceId: string, clientId: string, limit: number): Promise<Appointment[]> {
    return this.prisma.appointment.findMany({ where: { practiceId, clientId }, select: APPOINTMENT_FIELDS, orderBy: { startsAt: 'desc' }, take: limit });
  }
}
