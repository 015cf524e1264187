// Twilio's status callbacks for reminder texts, handed over by the router's webhook after it checked
// Twilio's signature. The reminder is found by its MessageSid; its status only moves forward, since
// Twilio does not promise callbacks arrive in order (a late "sent" must not undo "delivered").
import { DomainError, runInPracticeScope } from '@solace/server-kit';
import { MESSAGE_SID_PATTERN } from '@solace/workers';
import type { ReminderDeliveryLogRepository } from './reminder-delivery.repository';
import type { SmsDeliveryReceipt, SmsDeliveryStatus } from './reminder-delivery.type';

/** Twilio's MessageStatus values (https://www.twilio.com/docs/messaging/api/message-resource#message-status-values). */
const FROM_TWILIO: Record<string, SmsDeliveryStatus> = {
  accepted: 'QUEUED',
  scheduled: 'QUEUED',
  queued: 'QUEUED',
  sending: 'SENDING',
  sent: 'SENT',
  delivered: 'DELIVERED',
  // WhatsApp and RCS read receipts: delivered, and then some.
  read: 'DELIVERED',
  undelivered: 'UNDELIVERED',
  failed: 'FAILED',
  // A scheduled message cancelled before it went out.
  canceled: 'FAILED',
};

/** The order statuses move in; the three outcomes are final and equal, so the first one reported stands. */
const RANK: Record<SmsDeliveryStatus, number> = { QUEUED: 0, SENDING: 1, SENT: 2, DELIVERED: 3, UNDELIVERED: 3, FAILED: 3 };


export function smsDeliveryStatusFromTwilio(messageStatus: string): SmsDeliveryStatus | null {
  return Object.hasOwn(FROM_TWILIO, messageStatus) ? FROM_TWILIO[messageStatus]! : null;
}

export class ReminderDeliveryStatusService {
  constructor(
    private readonly deliveries: Pick<ReminderDeliveryLogRepository, 'practicesForMessage' | 'advanceDeliveryStatus'>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async record(report: { messageSid: string; messageStatus: string; errorCode?: string | null }): Promise<SmsDeliveryReceipt> {
    const status = smsDeliveryStatusFromTwilio(report.messageStatus);
    const fields = [...(MESSAGE_SID_PATTERN.test(report.messageSid) ? [] : ['messageSid']), ...(status ? [] : ['messageStatus']), ...(report.errorCode && !/^\d{1,6}$/.test(report.errorCode) ? ['errorCode'] : [])];
    if (!status || fields.length) throw new DomainError('BAD_USER_INPUT', `Not a Twilio status callback: ${fields.join(', ')}.`, { details: { fields } });
    const earlier = (Object.keys(RANK) as SmsDeliveryStatus[]).filter((candidate) => RANK[candidate] < RANK[status]);
    // An error code belongs to the outcomes that went wrong; Twilio sends none with the others.
    const errorCode = status === 'UNDELIVERED' || status === 'FAILED' ? (report.errorCode ?? null) : null;
    const practices = await this.deliveries.practicesForMessage(report.messageSid);
    let updated = false;
    for (const practiceId of practices) {
      if (await runInPracticeScope(practiceId, () => this.deliveries.advanceDeliveryStatus(practiceId, report.messageSid, status, earlier, errorCode, this.now()))) updated = true;
    }
    return { found: practices.length > 0, updated };
  }
}
