import { attachClientToHold, DomainError, readBookingHold, runInPracticeScope, type Redis } from '@solace/server-kit';
import type { OnlineBookingDetailsInput } from './online-booking-details.input';
import type { OnlineBookingDetailsRepository } from './online-booking-details.repository';

const lapsed = () => new DomainError('CONFLICT', 'Your hold on this time has lapsed; please choose a time again.', { details: { reason: 'HOLD_EXPIRED' } });

/**
 * The client step of online booking: matches the person to an existing client of the practice
 * (same email and date of birth) or creates a new one, and records them on the hold. The answer
 * is the same either way, so the form never reveals who is already a client.
 */
export class OnlineBookingDetailsService {
  constructor(
    private readonly clients: OnlineBookingDetailsRepository,
    private readonly redis: Redis,
  ) {}

  async submit(holdId: string, details: OnlineBookingDetailsInput): Promise<boolean> {
    const hold = await readBookingHold(this.redis, holdId);
    if (!hold) throw lapsed();
    const email = details.email.trim().toLowerCase();
    const dateOfBirth = new Date(`${details.dateOfBirth}T00:00:00Z`);
    if (dateOfBirth.getTime() > Date.now()) throw new DomainError('BAD_USER_INPUT', 'The date of birth is in the future.');
    const clientId = await runInPracticeScope(hold.practiceId, async () => {
      if (hold.clientId) return hold.clientId;
      return (await this.clients.findMatch(hold.practiceId, email, dateOfBirth)) ?? (await this.clients.create(hold.practiceId, { ...details, email }, dateOfBirth));
    });
    if (!(await attachClientToHold(this.redis, holdId, clientId))) throw lapsed();
    return true;
  }
}
