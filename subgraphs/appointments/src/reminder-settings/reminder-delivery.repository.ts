import type { PrismaClient } from '@solace/server-kit';
import type { ReminderDelivery, SmsDeliveryStatus } from './reminder-delivery.type';

export class ReminderDeliveryLogRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** An appointment's delivery log, oldest attempt first (an empty list for another practice's appointment). */
  forAppointment(practiceId: string, appointmentId: string): Promise<ReminderDelivery[]> {
    return this.prisma.reminderDelivery.findMany({
      where: { practiceId, appointmentId },
      orderBy: [{ attemptedAt: 'asc' }, { id: 'asc' }],
      take: 200,
      select: { channel: true, offsetMinutes: true, appointmentStartsAt: true, status: true, reason: true, errorCode: true, providerCode: true, providerMessageId: true, attemptedAt: true, deliveryStatus: true, deliveryErrorCode: true, deliveryUpdatedAt: true },
    });
  }

  /**
   * The practice that sent this message. Runs as the tables' owner (migration
   * 20261203010000_sms_replies_and_receipts): Twilio's callback names no practice; ids only.
   */
  async practicesForMessage(messageSid: string): Promise<string[]> {
    const rows = await this.prisma.$queryRaw<Array<{ id: string }>>`SELECT solace_sms_practices_for_message(${messageSid}) AS "id"`;
    return rows.map((row) => row.id);
  }

  /**
   * Moves the sent reminder's delivery status forward to `status`, in one statement, only from a
   * status that comes before it (`earlier`): a late or repeated callback changes nothing. Answers
   * whether a row moved.
   */
  async advanceDeliveryStatus(practiceId: string, messageSid: string, status: SmsDeliveryStatus, earlier: SmsDeliveryStatus[], errorCode: string | null, at: Date): Promise<boolean> {
    const { count } = await this.prisma.reminderDelivery.updateMany({
      where: { practiceId, providerMessageId: messageSid, status: 'SENT', OR: [{ deliveryStatus: null }, { deliveryStatus: { in: earlier } }] },
      data: { deliveryStatus: status, deliveryErrorCode: errorCode, deliveryUpdatedAt: at },
    });
    return count > 0;
  }
}
