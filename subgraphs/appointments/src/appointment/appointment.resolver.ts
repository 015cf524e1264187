import { allowedRoles, AuditAs, ClientRef, type RequestContext, requireUser, StaffUserRef } from '@solace/server-kit';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { loadRoom, loadService } from '../catalog/catalog.loaders';
import type { CatalogService } from '../catalog/catalog.service';
import { Room, Service } from '../catalog/catalog.type';
import { AppointmentRangeArgs, BookAppointmentInput, CancelAppointmentArgs, RescheduleAppointmentArgs, SetAppointmentStatusArgs } from './appointment.input';
import type { AppointmentService } from './appointment.service';
import { Appointment } from './appointment.type';

@Resolver(() => Appointment)
export class AppointmentResolver {
  constructor(
    private readonly diary: AppointmentService,
    private readonly catalog: CatalogService,
  ) {}

  @Authorized(...allowedRoles('appointments'))
  @Query(() => [Appointment], { description: 'Appointments overlapping [from, to), earliest first.' })
  appointments(@Args(() => AppointmentRangeArgs) { from, to, clinicianId }: AppointmentRangeArgs, @Ctx() ctx: RequestContext) {
    return this.diary.list(requireUser(ctx), from, to, clinicianId);
  }

  @Authorized(...allowedRoles('appointment'))
  @Query(() => Appointment)
  appointment(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return this.diary.get(requireUser(ctx), id);
  }

  @Authorized(...allowedRoles('bookAppointment'))
  @AuditAs('CREATE')
  @Mutation(() => Appointment, {
    description: 'Books an appointment; CONFLICT (reason CLINICIAN_OVERLAP, ROOM_OVERLAP or CLIENT_OVERLAP) when that time is taken.',
  })
  bookAppointment(@Arg('input', () => BookAppointmentInput) input: BookAppointmentInput, @Ctx() ctx: RequestContext) {
    return this.diary.book(requireUser(ctx), input, ctx.requestId);
  }

  @Authorized(...allowedRoles('rescheduleAppointment'))
  @Mutation(() => Appointment, { description: 'Moves a session in time, and optionally to another clinician or room.' })
  rescheduleAppointment(@Args(() => RescheduleAppointmentArgs) { id, ...change }: RescheduleAppointmentArgs, @Ctx() ctx: RequestContext) {
    return this.diary.reschedule(requireUser(ctx), id, change, ctx.requestId);
  }

  @Authorized(...allowedRoles('cancelAppointment'))
  @Mutation(() => Appointment, { description: 'Cancels a scheduled session; a client’s cancellation inside the policy window is marked late.' })
  cancelAppointment(@Args(() => CancelAppointmentArgs) { id, reason, note }: CancelAppointmentArgs, @Ctx() ctx: RequestContext) {
    return this.diary.cancel(requireUser(ctx), id, reason, note, ctx.requestId);
  }

  @Authorized(...allowedRoles('setAppointmentStatus'))
  @Mutation(() => Appointment, { description: 'Checks a client in, or marks the visit completed or a no-show.' })
  setAppointmentStatus(@Args(() => SetAppointmentStatusArgs) { id, status }: SetAppointmentStatusArgs, @Ctx() ctx: RequestContext) {
    return this.diary.setStatus(requireUser(ctx), id, status, ctx.requestId);
  }

  @Authorized(...allowedRoles('createMeetingLink'))
  @Mutation(() => Appointment, { description: 'Gets the meeting link of a telehealth session whose link is pending (the video service was unavailable when it was booked).' })
  createMeetingLink(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return this.diary.createMeetingLink(requireUser(ctx), id);
  }

  @FieldResolver(() => ClientRef)
  client(@Root() appointment: Appointment): ClientRef {
    return { id: appointment.clientId };
  }

  @FieldResolver(() => StaffUserRef)
  clinician(@Root() appointment: Appointment): StaffUserRef {
    return { id: appointment.clinicianId };
  }

  @FieldResolver(() => Service, { nullable: true })
  service(@Root() appointment: Appointment, @Ctx() ctx: RequestContext) {
    return loadService(this.catalog, ctx, appointment.serviceId);
  }

  @FieldResolver(() => Room, { nullable: true })
  room(@Root() appointment: Appointment, @Ctx() ctx: RequestContext) {
    return loadRoom(this.catalog, ctx, appointment.roomId);
  }
}

export const appointmentReference = (service: AppointmentService) => ({
  __resolveReference: (reference: { id: string }, ctx: RequestContext) => service.find(requireUser(ctx, allowedRoles('appointment')), reference.id),
});
