import type { PrismaClient } from '@solace/server-kit';
import type { ReminderChannel } from './reminder-settings';

export interface PlannedReminderRef {
  practiceId: string;
  appointmentId: string;
  channel: ReminderChannel;
  offsetMinutes: number;
  appointmentStartsAt: Date;
}

export type DeliveryRecord =
  | { status: 'SENT'; providerMessageId: string }
  | { status: 'SKIPPED'; reason: string }
  | { status: 'FAILED'; reason: string; errorCode?: string; providerCode?: string };

/** The delivery log: one row per attempt to send a reminder (the worker runs in the practice's scope). */
export class ReminderDeliveryRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async wasSent(ref: PlannedReminderRef): Promise<boolean> {
    const sent = await this.prisma.reminderDelivery.findFirst({ where: { ...ref, status: 'SENT' }, select: { id: true } });
    return sent !== null;
  }

  async record(ref: PlannedReminderRef, delivery: DeliveryRecord): Promise<void> {
    await this.prisma.reminderDelivery.create({ data: { ...ref, ...delivery }, select: { id: true } });
  }
}
