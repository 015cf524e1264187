import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ReminderChannel } from './reminder-settings.type';

export const ReminderDeliveryStatus = { SENT: 'SENT', FAILED: 'FAILED', SKIPPED: 'SKIPPED' } as const;
export type ReminderDeliveryStatus = (typeof ReminderDeliveryStatus)[keyof typeof ReminderDeliveryStatus];
registerEnumType(ReminderDeliveryStatus, { name: 'ReminderDeliveryStatus' });

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
}
