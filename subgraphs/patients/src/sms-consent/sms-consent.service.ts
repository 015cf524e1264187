// Inbound texts to the practice number, handed over by the router's Twilio webhook after it checked
// Twilio's signature. Opt-out and opt-in keywords switch text reminders for every client at the
// sending number (a carrier-level fact, so across practices); HELP and anything else change nothing.
import { DomainError } from '@solace/server-kit';
import { E164_PATTERN, MESSAGE_SID_PATTERN, readSmsKeyword, type SmsConsentCaller, type SmsConsentRepository, type SmsOptOuts } from '@solace/workers';
import type { InboundSmsReceipt, SmsConsentEvent } from './sms-consent.type';

export interface InboundSms {
  from: string;
  body: string;
  messageSid: string;
}


export class SmsConsentService {
  constructor(
    private readonly optOuts: Pick<SmsOptOuts, 'apply'>,
    private readonly consent: Pick<SmsConsentRepository, 'historyOf'>,
  ) {}

  async recordInbound(text: InboundSms, caller: SmsConsentCaller): Promise<InboundSmsReceipt> {
    const fields = [...(E164_PATTERN.test(text.from) ? [] : ['from']), ...(MESSAGE_SID_PATTERN.test(text.messageSid) ? [] : ['messageSid']), ...(text.body.length <= 1600 ? [] : ['body'])];
    if (fields.length) throw new DomainError('BAD_USER_INPUT', `Not an inbound Twilio message: ${fields.join(', ')}.`, { details: { fields } });
    const { action, keyword } = readSmsKeyword(text.body);
    if (action !== 'OPT_OUT' && action !== 'OPT_IN') return { action, clientsChanged: 0 };
    const changed = await this.optOuts.apply({ phone: text.from, optedIn: action === 'OPT_IN', source: 'INBOUND_KEYWORD', keyword, providerMessageId: text.messageSid }, caller);
    return { action, clientsChanged: changed.reduce((sum, practice) => sum + practice.clientIds.length, 0) };
  }

  history(practiceId: string, clientId: string): Promise<SmsConsentEvent[]> {
    return this.consent.historyOf(practiceId, clientId);
  }
}
