// Opt-out that sticks (TCPA / CTIA): when the carrier says a number stopped texts (a STOP reply,
// or Twilio refusing a reminder with 21610), every client at that number, in every practice,
// stops getting text reminders; START puts back what Solace switched off. Each change is written
// to the client's SMS consent history and to the practice's audit trail with no actor (the system).
import { DomainError, runInPracticeScope, type AuditRepository } from '@solace/server-kit';
import type { SmsConsentChange, SmsConsentRepository } from './sms-consent.repository';
import { E164_PATTERN } from './sms-keywords';
import { toE164 } from './sms-provider';

export interface SmsConsentCaller {
  requestId: string;
  ip?: string | null;
  userAgent?: string | null;
}

export class SmsOptOuts {
  constructor(
    private readonly consent: SmsConsentRepository,
    private readonly audit: Pick<AuditRepository, 'append'>,
  ) {}

  /** Applies the change to every practice with a client at the number; answers the clients changed per practice. */
  async apply(change: SmsConsentChange, caller: SmsConsentCaller): Promise<Array<{ practiceId: string; clientIds: string[] }>> {
    const phone = toE164(change.phone);
    if (!E164_PATTERN.test(phone)) throw new DomainError('BAD_USER_INPUT', 'The phone number is not an E.164 number.', { details: { fields: ['from'] } });
    const changed: Array<{ practiceId: string; clientIds: string[] }> = [];
    for (const practiceId of await this.consent.practicesForPhone(phone)) {
      // The audit trail hears of the change before it is made (its chain is written on a connection
      // of its own): if recording fails, nothing changes; a client the switch then skips (changed
      // meanwhile) is recorded as touched, never the other way round.
      const planned = await runInPracticeScope(practiceId, () => this.consent.changeable(practiceId, { ...change, phone }));
      if (planned.length === 0) continue;
      await this.audit.append(
        practiceId,
        planned.map((entityId) => ({ actorId: null, requestId: caller.requestId, ip: caller.ip ?? null, userAgent: caller.userAgent ?? null, action: 'UPDATE' as const, entityType: 'Client', entityId })),
      );
      const clientIds = await runInPracticeScope(practiceId, () => this.consent.switchReminderSms(practiceId, { ...change, phone }));
      if (clientIds.length > 0) changed.push({ practiceId, clientIds });
    }
    return changed;
  }
}
