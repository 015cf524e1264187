import { allowedRoles, AuditAs, ClientRef, type RequestContext, requireUser, StaffUserRef } from '@solace/server-kit';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { AppointmentRangeArgs, BookAppointmentInput, RescheduleAppointmentArgs, SetAppointmentStatusArgs } from './appointment.input';
import type { AppointmentService } from './appointment.service';
import { Appointment, AppointmentStatus } from './appointment.type';

@Resolver(() => Appointment)
export class AppointmentResolver {
  constructor(private readonly service: AppointmentService) {}

  @Authorized(...allowedRoles('appointments'))
  @Query(() => [Appointment], { description: 'Appointments overlapping [from, to), earliest first.' })
  appointments(@Args(() => AppointmentRangeArgs) { from, to, clinicianId }: AppointmentRangeArgs, @Ctx() ctx: RequestContext) {
    return this.service.list(requireUser(ctx), from, to, clinicianId);
  }

  @Authorized(...allowedRoles('appointment'))
  @Query(() => Appointment)
  appointment(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return this.service.get(requireUser(ctx), id);
  }

  @Authorized(...allowedRoles('bookAppointment'))
  @AuditAs('CREATE')
  @Mutation(() => Appointment, { description: 'Books an appointment; refused with CONFLICT when the clinician is already booked then.' })
  bookAppointment(@Arg('input', () => BookAppointmentInput) input: BookAppointmentInput, @Ctx() ctx: RequestContext) {
    return this.service.book(requireUser(ctx), input, ctx.requestId);
  }

  @Authorized(...allowedRoles('rescheduleAppointment'))
  @Mutation(() => Appointment)
  rescheduleAppointment(@Args(() => RescheduleAppointmentArgs) { id, startsAt, endsAt }: RescheduleAppointmentArgs, @Ctx() ctx: RequestContext) {
    return this.service.reschedule(requireUser(ctx), id, startsAt, endsAt, ctx.requestId);
  }

  @Authorized(...allowedRoles('cancelAppointment'))
  @Mutation(() => Appointment)
  cancelAppointment(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return this.service.setStatus(requireUser(ctx), id, AppointmentStatus.CANCELLED, ctx.requestId);
  }

  @Authorized(...allowedRoles('setAppointmentStatus'))
  @Mutation(() => Appointment, { description: 'Checks a client in, or marks the visit completed or a no-show.' })
  setAppointmentStatus(@Args(() => SetAppointmentStatusArgs) { id, status }: SetAppointmentStatusArgs, @Ctx() ctx: RequestContext) {
    return this.service.setStatus(requireUser(ctx), id, status, ctx.requestId);
  }

  @FieldResolver(() => ClientRef)
  client(@Root() appointment: Appointment): ClientRef {
    return { id: appointment.clientId };
  }

  @FieldResolver(() => StaffUserRef)
  clinician(@Root() appointment: Appointment): StaffUserRef {
    return { id: appointment.clinicianId };
  }
}

export const appointmentReference = (service: AppointmentService) => ({
  __resolveReference: (reference: { id: string }, ctx: RequestContext) => service.find(requireUser(ctx, allowedRoles('appointment')), reference.id),
});
