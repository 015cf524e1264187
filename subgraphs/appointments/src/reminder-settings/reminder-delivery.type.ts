import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ReminderChannel } from './reminder-settings.type';

export const ReminderDeliveryStatus = { SENT: 'SENT', FAILED: 'FAILED', SKIPPED: 'SKIPPED' } as const;
export type ReminderDeliveryStatus = (typeof ReminderDeliveryStatus)[keyof typeof ReminderDeliveryStatus];
registerEnumType(ReminderDeliveryStatus, { name: 'ReminderDeliveryStatus' });

export const SmsDeliveryStatus = { QUEUED: 'QUEUED', SENDING: 'SENDING', SENT: 'SENT', DELIVERED: 'DELIVERED', UNDELIVERED: 'UNDELIVERED', FAILED: 'FAILED' } as const;
export type SmsDeliveryStatus = (typeof SmsDeliveryStatus)[keyof typeof SmsDeliveryStatus];
registerEnumType(SmsDeliveryStatus, {
  name: 'SmsDeliveryStatus',
  description: 'Where a sent text got to, as Twilio reported it. Only moves forward: QUEUED, SENDING, SENT, then one of DELIVERED, UNDELIVERED (the carrier could not deliver it) or FAILED (never sent).',
});

@ObjectType({ description: 'One attempt to send one reminder of an appointment.' })
export class ReminderDelivery {
  @Field(() => ReminderChannel)
  channel!: keyof typeof ReminderChannel;

  @Field(() => Int, { description: 'The reminder it was: minutes before the start.' })
  offsetMinutes!: number;

  @Field(() => Date, { description: 'The start time the reminder was for (an appointment moved since shows its earlier reminders too).' })
  appointmentStartsAt!: Date;

  @Field(() => ReminderDeliveryStatus)
  status!: ReminderDeliveryStatus;

  @Field(() => String, { nullable: true, description: 'Why it was skipped or failed: opted-out, no-phone, no-email, reminders-off, already-sent, or the provider’s message.' })
  reason!: string | null;

  @Field(() => String, { nullable: true, description: 'INVALID_NUMBER, UNSUBSCRIBED, RATE_LIMITED, PROVIDER_UNAVAILABLE, REJECTED.' })
  errorCode!: string | null;

  @Field(() => String, { nullable: true, description: 'The provider’s own error code (Twilio: 21211, 21610...).' })
  providerCode!: string | null;

  @Field(() => String, { nullable: true, description: 'The provider’s id of the message sent.' })
  providerMessageId!: string | null;

  @Field(() => Date)
  attemptedAt!: Date;

  @Field(() => SmsDeliveryStatus, { nullable: true, description: 'Texts only: the latest status Twilio reported for the message (null until its first report).' })
  deliveryStatus!: SmsDeliveryStatus | null;

  @Field(() => String, { nullable: true, description: 'Twilio’s error code with UNDELIVERED or FAILED (30003 unreachable, 30005 unknown number, 30006 landline, 30007 filtered...).' })
  deliveryErrorCode!: string | null;

  @Field(() => Date, { nullable: true, description: 'When Twilio last moved deliveryStatus forward.' })
  deliveryUpdatedAt!: Date | null;
}

@ObjectType({ description: 'What Solace did with a Twilio status callback (router-internal: the Twilio webhook).' })
export class SmsDeliveryReceipt {
  @Field(() => Boolean, { description: 'A reminder was sent with this MessageSid.' })
  found!: boolean;

  @Field(() => Boolean, { description: 'Its status moved forward (false for a late or repeated report).' })
  updated!: boolean;
}
