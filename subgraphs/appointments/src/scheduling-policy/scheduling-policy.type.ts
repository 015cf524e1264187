import { IsIn, IsInt, Max, Min } from 'class-validator';
import { Field, InputType, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'The practice’s scheduling rules.' })
export class SchedulingPolicy {
  @Field(() => Int, { description: 'Cancelling fewer hours than this before the start is a late cancellation.' })
  lateCancelHours!: number;

  @Field(() => Int, { description: 'Online bookings start at least this many hours from now.' })
  minimumNoticeHours!: number;

  @Field(() => Int, { description: 'Online bookings at most this many days ahead.' })
  bookingHorizonDays!: number;

  @Field(() => Int, { description: 'Offered slots start on multiples of this many minutes.' })
  slotStepMinutes!: number;
}

export const DEFAULT_POLICY: SchedulingPolicy = { lateCancelHours: 24, minimumNoticeHours: 24, bookingHorizonDays: 60, slotStepMinutes: 30 };
export const SLOT_STEPS = [5, 10, 15, 20, 30, 60];

@InputType()
export class SchedulingPolicyInput implements SchedulingPolicy {
  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(168)
  lateCancelHours!: number;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(720)
  minimumNoticeHours!: number;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(365)
  bookingHorizonDays!: number;

  @Field(() => Int)
  @IsIn(SLOT_STEPS, { message: `slotStepMinutes must be one of ${SLOT_STEPS.join(', ')}` })
  slotStepMinutes!: number;
}
