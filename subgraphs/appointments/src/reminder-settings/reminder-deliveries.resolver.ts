import { allowedRoles, requireUser, type RequestContext } from '@solace/server-kit';
import { Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Appointment } from '../appointment/appointment.type';
import type { ReminderDeliveryLogRepository } from './reminder-delivery.repository';
import { ReminderDelivery } from './reminder-delivery.type';

// The delivery log on the appointment itself, for whoever may read the appointment. Fetched per
// appointment: the details dialog asks for one, calendar views do not ask for it.
@Resolver(() => Appointment)
export class ReminderDeliveriesResolver {
  constructor(private readonly deliveries: ReminderDeliveryLogRepository) {}

  @Authorized(...allowedRoles('appointment'))
  @FieldResolver(() => [ReminderDelivery], { description: 'Every attempt to send this appointment’s reminders (sent, skipped and why, failed and why), oldest first.' })
  reminderDeliveries(@Root() appointment: Pick<Appointment, 'id'>, @Ctx() ctx: RequestContext): Promise<ReminderDelivery[]> {
    return this.deliveries.forAppointment(requireUser(ctx).practiceId, appointment.id);
  }
}
