import { DomainError, notFound, type AuthClaims } from '@solace/server-kit';
import type { BillingHoldService } from '../billing-hold/billing-hold.service';
import type { ChargeRepository } from './charge.repository';
import type { Charge } from './charge.type';

export class ChargeService {
  constructor(
    private readonly charges: ChargeRepository,
    private readonly holds: BillingHoldService,
  ) {}

  async get(user: AuthClaims, id: string): Promise<Charge> {
    const charge = await this.charges.findInPractice(user.practiceId, id);
    if (!charge) throw notFound('Charge', id);
    return charge;
  }

  listForClient(user: AuthClaims, clientId: string): Promise<Charge[]> {
    return this.charges.listForClient(user.practiceId, clientId);
  }

  balanceCents(user: AuthClaims, clientId: string): Promise<number> {
    return this.charges.balanceCents(user.practiceId, clientId);
  }

  async create(user: AuthClaims, input: { appointmentId: string; cptCode: string; amountCents: number }): Promise<Charge> {
    const appointment = await this.charges.findAppointment(user.practiceId, input.appointmentId);
    if (!appointment) throw notFound('Appointment', input.appointmentId);
    if (appointment.status !== 'COMPLETED') {
      throw new DomainError('CONFLICT', 'Only a completed appointment can be charged.', { details: { reason: 'APPOINTMENT_NOT_COMPLETED' } });
    }
    await this.holds.assertBillable(user.practiceId, appointment.id);
    const charge = await this.charges.create({ practiceId: user.practiceId, clientId: appointment.clientId, ...input });
    if (!charge) throw new DomainError('CONFLICT', 'This appointment has already been charged.', { details: { reason: 'ALREADY_CHARGED' } });
    return charge;
  }
}
