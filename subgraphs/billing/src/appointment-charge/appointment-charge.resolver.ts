import { allowedRoles, type RequestContext, requestLoader, requireUser } from '@solace/server-kit';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Charge } from '../charge/charge.type';
import type { AppointmentChargeRepository } from './appointment-charge.repository';
import { AppointmentWithCharge } from './appointment-charge.type';

@Resolver(() => AppointmentWithCharge)
export class AppointmentChargeResolver {
  constructor(private readonly charges: AppointmentChargeRepository) {}

  // Null rather than an error for roles that do not see charges (as Appointment.note does), so one
  // calendar query serves every role. A week of appointments costs one query (request loader).
  @FieldResolver(() => Charge, { nullable: true, description: 'The charge for this appointment; null when not charged yet or when the caller may not see charges.' })
  async charge(@Root() appointment: AppointmentWithCharge, @Ctx() ctx: RequestContext): Promise<Charge | null> {
    const user = requireUser(ctx);
    if (!user.roles.some((role) => allowedRoles('charges').includes(role))) return null;
    const byAppointment = requestLoader(ctx, `ChargeByAppointment:${user.practiceId}`, async (ids) =>
      (await this.charges.forAppointments(user.practiceId, ids)).map((charge) => ({ id: charge.appointmentId, charge })),
    );
    return (await byAppointment.load(appointment.id))?.charge ?? null;
  }
}

// The router asks billing for Appointment.charge with only the key; authorization happens in `charge`.
export const appointmentChargeReferences = {
  Appointment: { __resolveReference: (reference: { id: string }) => ({ id: reference.id }) },
};
