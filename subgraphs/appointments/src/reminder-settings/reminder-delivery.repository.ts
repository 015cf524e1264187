import type { PrismaClient } from '@solace/server-kit';
import type { ReminderDelivery } from './reminder-delivery.type';

export class ReminderDeliveryLogRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** An appointment's delivery log, oldest attempt first (an empty list for another practice's appointment). */
  forAppointment(practiceId: string, appointmentId: string): Promise<ReminderDelivery[]> {
    return this.prisma.reminderDelivery.findMany({
      where: { practiceId, appointmentId },
      orderBy: [{ attemptedAt: 'asc' }, { id: 'asc' }],
      take: 200,
      select: { channel: true, offsetMinutes: true, appointmentStartsAt: true, status: true, reason: true, errorCode: true, providerCode: true, providerMessageId: true, attemptedAt: true },
    });
  }
}
