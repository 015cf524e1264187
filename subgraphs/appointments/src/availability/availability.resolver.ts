import { allowedRoles, requireUser, StaffUserRef, type RequestContext } from '@solace/server-kit';
import { IsDate, IsOptional, IsUUID } from 'class-validator';
import { Args, ArgsType, Authorized, Ctx, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import type { AvailabilityService } from './availability.service';
import { ClinicianAvailability } from './availability.type';

@ArgsType()
export class AvailableSlotsArgs {
  @Field(() => ID)
  @IsUUID()
  serviceId!: string;

  @Field(() => ID, { nullable: true, description: 'One clinician; every bookable clinician when left out.' })
  @IsOptional()
  @IsUUID()
  clinicianId?: string;

  @Field(() => Date)
  @IsDate()
  from!: Date;

  @Field(() => Date, { description: 'At most 35 days after `from`.' })
  @IsDate()
  to!: Date;
}

@ObjectType({ description: 'A time a service fits in a clinician’s diary.' })
export class AvailableSlot {
  @Field(() => Date)
  startsAt!: Date;

  @Field(() => Date)
  endsAt!: Date;

  // A plain field, not a @FieldResolver: that would build an AvailableSlot instance per slot to call it.
  @Field(() => StaffUserRef)
  clinician!: StaffUserRef;
}

@Resolver()
export class AvailabilityResolver {
  constructor(private readonly availability: AvailabilityService) {}

  @Authorized(...allowedRoles('availableSlots'))
  @Query(() => [AvailableSlot], {
    description:
      'Free slots for a service from weekly hours, time off, appointments, holds and outside calendars; earliest first. One object per slot: for many clinicians or weeks prefer `availabilityByClinician` (the same slots grouped, a fraction of the size). Kept stable for integrators.',
  })
  async availableSlots(@Args(() => AvailableSlotsArgs) search: AvailableSlotsArgs, @Ctx() ctx: RequestContext): Promise<AvailableSlot[]> {
    const { slots } = await this.availability.slots(requireUser(ctx).practiceId, search);
    return slots.map(({ clinicianId, startsAt, endsAt }) => ({ startsAt, endsAt, clinician: { id: clinicianId } }));
  }

  @Authorized(...allowedRoles('availabilityByClinician'))
  @Query(() => [ClinicianAvailability], {
    description:
      'The free slots of `availableSlots` grouped by clinician: each clinician who has any, the one with the earliest free time first, with their start times ascending. Use this to show availability across clinicians (a "find a time" list, a first free time per clinician); the same rules and the same answer as `availableSlots`.',
  })
  async availabilityByClinician(@Args(() => AvailableSlotsArgs) search: AvailableSlotsArgs, @Ctx() ctx: RequestContext): Promise<ClinicianAvailability[]> {
    const { groups } = await this.availability.slotsByClinician(requireUser(ctx).practiceId, search);
    return groups.map(({ clinician, durationMinutes, starts }) => ({ clinician: { id: clinician.id }, durationMinutes, starts }));
  }
}
