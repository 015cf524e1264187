// Live calendars (issue 4 §8): `appointmentChanged(from, to)` is declared here so it composes and gets
// codegen; the router serves it (ARCHITECTURE rule 7). Every booking, move and status change is
// published on the practice's channel with the appointment id only; for each event the router asks
// `appointmentInWindow` as the subscriber, which answers NOT_FOUND outside the subscribed window
// (the router then skips the event).
import { allowedRoles, DomainError, type RequestContext, requireUser } from '@solace/server-kit';
import { Arg, Authorized, Ctx, ID, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { AppointmentService } from './appointment.service';
import { Appointment } from './appointment.type';

@Resolver(() => Appointment)
export class AppointmentChangesResolver {
  constructor(private readonly service: AppointmentService) {}

  @Authorized(...allowedRoles('appointmentChanged'))
  @Subscription(() => Appointment, {
    description: 'Appointments booked, moved or changed status within [from, to), live (for open calendars).',
    topics: 'served-by-router',
  })
  appointmentChanged(@Arg('from', () => Date) _from: Date, @Arg('to', () => Date) _to: Date, @Root() appointment: Appointment): Appointment {
    return appointment;
  }

  @Authorized(...allowedRoles('appointmentInWindow'))
  @Query(() => Appointment, { description: 'One appointment if it overlaps [from, to); NOT_FOUND otherwise. How the router resolves appointmentChanged events.' })
  async appointmentInWindow(@Arg('id', () => ID) id: string, @Arg('from', () => Date) from: Date, @Arg('to', () => Date) to: Date, @Ctx() ctx: RequestContext): Promise<Appointment> {
    const appointment = await this.service.get(requireUser(ctx), id);
    if (appointment.startsAt >= to || appointment.endsAt <= from) throw new DomainError('NOT_FOUND', `Appointment ${id} is outside the window.`);
    return appointment;
  }
}
