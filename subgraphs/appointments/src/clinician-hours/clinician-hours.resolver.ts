import { allowedRoles, requireUser, type RequestContext } from '@solace/server-kit';
import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { AvailabilityExceptionInput, AvailabilityExceptionsArgs, SetWorkingHoursArgs } from './clinician-hours.input';
import type { ClinicianHoursService } from './clinician-hours.service';
import { AvailabilityException, WorkingHoursBlock } from './clinician-hours.type';

@Resolver()
export class ClinicianHoursResolver {
  constructor(private readonly hours: ClinicianHoursService) {}

  @Authorized(...allowedRoles('workingHours'))
  @Query(() => [WorkingHoursBlock], { description: 'A clinician’s regular week, Monday first.' })
  workingHours(@Arg('clinicianId', () => ID) clinicianId: string, @Ctx() ctx: RequestContext) {
    return this.hours.weeklyHours(requireUser(ctx), clinicianId);
  }

  @Authorized(...allowedRoles('setWorkingHours'))
  @Mutation(() => [WorkingHoursBlock], { description: 'Replaces a clinician’s regular week. Clinicians may set only their own.' })
  setWorkingHours(@Args(() => SetWorkingHoursArgs) { clinicianId, blocks }: SetWorkingHoursArgs, @Ctx() ctx: RequestContext) {
    return this.hours.setWeeklyHours(requireUser(ctx), clinicianId, blocks);
  }

  @Authorized(...allowedRoles('availabilityExceptions'))
  @Query(() => [AvailabilityException], { description: 'Time off and extra hours overlapping [from, to).' })
  availabilityExceptions(@Args(() => AvailabilityExceptionsArgs) { clinicianId, from, to }: AvailabilityExceptionsArgs, @Ctx() ctx: RequestContext) {
    return this.hours.exceptions(requireUser(ctx), clinicianId, from, to);
  }

  @Authorized(...allowedRoles('addAvailabilityException'))
  @Mutation(() => AvailabilityException)
  addAvailabilityException(@Arg('input', () => AvailabilityExceptionInput) input: AvailabilityExceptionInput, @Ctx() ctx: RequestContext) {
    return this.hours.addException(requireUser(ctx), input);
  }

  @Authorized(...allowedRoles('removeAvailabilityException'))
  @Mutation(() => Boolean)
  removeAvailabilityException(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return this.hours.removeException(requireUser(ctx), id);
  }
}
