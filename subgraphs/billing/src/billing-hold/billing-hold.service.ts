// Billing's side of the note rule: a session whose note is still unsigned on the practice's hold day
// (14 by Georgia's rules) cannot be billed. The hold is derived each time billing acts — from the
// note's status and the service date, through the shared `billingHold` rule — so signing the note
// releases it at once, with nothing to keep in step. Claims (a later issue) call `assertBillable` too.
import { DomainError } from '@solace/server-kit';
import { billingHold, type BillingHold } from '@solace/workers';
import type { BillingHoldRepository } from './billing-hold.repository';

export class BillingHoldService {
  constructor(
    private readonly holds: BillingHoldRepository,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The holds of these sessions (absent: billable). */
  async holdsFor(practiceId: string, appointmentIds: readonly string[]): Promise<Map<string, BillingHold>> {
    const [sessions, policy] = await Promise.all([this.holds.sessions(practiceId, appointmentIds), this.holds.policy(practiceId)]);
    const now = this.now();
    const result = new Map<string, BillingHold>();
    for (const session of sessions) {
      const hold = billingHold({ appointmentId: session.appointmentId, serviceDate: session.startsAt, note: session.note, now, timeZone: policy.timeZone, rules: policy });
      if (hold) result.set(session.appointmentId, hold);
    }
    return result;
  }

  /** Throws BILLING_HOLD (with the appointment, note, day count and hold day) when the session cannot be billed. */
  async assertBillable(practiceId: string, appointmentId: string): Promise<void> {
    const hold = (await this.holdsFor(practiceId, [appointmentId])).get(appointmentId);
    if (!hold) return;
    throw new DomainError('BILLING_HOLD', `On hold: the session note is unsigned ${hold.days} days after the session (the hold starts on day ${hold.holdDay}). Sign the note to release it.`, {
      details: { reason: hold.reason, appointmentId: hold.appointmentId, noteId: hold.noteId, days: hold.days, holdDay: hold.holdDay },
    });
  }
}
