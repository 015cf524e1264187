import { CLOCK_TIME, REMINDER_LIMITS, type ReminderChannel as Channel } from '@solace/workers';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsBoolean, IsIn, IsInt, Matches, Max, Min } from 'class-validator';
import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

export const ReminderChannel = { EMAIL: 'EMAIL', SMS: 'SMS' } as const satisfies Record<Channel, Channel>;
registerEnumType(ReminderChannel, { name: 'ReminderChannel', description: 'How a reminder reaches a client.' });

@ObjectType({ description: 'How the practice reminds clients of appointments (defaults until an admin saves them).' })
export class ReminderSettings {
  @Field(() => Boolean, { description: 'Off: no reminders are sent at all.' })
  enabled!: boolean;

  @Field(() => [ReminderChannel], { description: 'SMS reaches only clients with a phone number who opted in; email only clients with an address who did not opt out.' })
  channels!: Channel[];

  @Field(() => [Int], { description: 'When to remind, in minutes before the start (largest first).' })
  offsetsMinutes!: number[];

  @Field(() => String, { description: 'Quiet hours start, practice local time "HH:MM". A reminder due inside quiet hours goes out just before they begin.' })
  quietHoursStart!: string;

  @Field(() => String, { description: 'Quiet hours end, practice local time "HH:MM" (equal to the start: no quiet hours).' })
  quietHoursEnd!: string;
}

const HH_MM = { message: '$property must be a time of day as HH:MM (00:00–23:59)' };

@InputType()
export class ReminderSettingsInput {
  @Field(() => Boolean)
  @IsBoolean()
  enabled!: boolean;

  @Field(() => [ReminderChannel])
  @ArrayMinSize(1, { message: 'choose at least one channel (turn reminders off with enabled: false)' })
  @ArrayUnique()
  @IsIn(Object.values(ReminderChannel), { each: true })
  channels!: Channel[];

  @Field(() => [Int])
  @ArrayMinSize(REMINDER_LIMITS.minOffsets)
  @ArrayMaxSize(REMINDER_LIMITS.maxOffsets)
  @ArrayUnique({ message: 'each reminder time may appear only once' })
  @IsInt({ each: true })
  @Min(REMINDER_LIMITS.minOffsetMinutes, { each: true, message: 'reminders go out at least 15 minutes before the start' })
  @Max(REMINDER_LIMITS.maxOffsetMinutes, { each: true, message: 'reminders go out at most 14 days before the start' })
  offsetsMinutes!: number[];

  @Field(() => String)
  @Matches(CLOCK_TIME, HH_MM)
  quietHoursStart!: string;

  @Field(() => String)
  @Matches(CLOCK_TIME, HH_MM)
  quietHoursEnd!: string;
}
