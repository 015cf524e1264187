// Twilio's Messages API over fetch (the SDK would add a large dependency for one request):
// POST /2010-04-01/Accounts/{AccountSid}/Messages.json, form body To/From/Body, basic auth.
// Errors come back as { code, message, more_info, status }; the codes that matter for reminders
// are mapped to SmsError so the worker knows whether a retry can help.
import { SmsError, type SmsMessage, type SmsProvider } from './sms-provider';

export const TWILIO_API = 'https://api.twilio.com';

export interface TwilioConfig {
  accountSid: string;
  authToken: string;
  /** A Twilio number in E.164, or a messaging service sid (MG…). */
  from: string;
  baseUrl?: string;
  /**
   * Where Twilio reports each message's status (queued, sent, delivered, undelivered, failed):
   * the router's POST /webhooks/twilio/status at its public URL.
   */
  statusCallbackUrl?: string;
}

interface TwilioErrorBody {
  code?: number;
  message?: string;
}

export class TwilioSmsProvider implements SmsProvider {
  constructor(private readonly config: TwilioConfig) {}

  async send(message: SmsMessage): Promise<{ id: string }> {
    const { accountSid, authToken, from } = this.config;
    const sender: Record<string, string> = from.startsWith('MG') ? { MessagingServiceSid: from } : { From: from };
    let response: Response;
    try {
      response = await fetch(`${this.config.baseUrl ?? TWILIO_API}/2010-04-01/Accounts/${encodeURIComponent(accountSid)}/Messages.json`, {
        method: 'POST',
        headers: { authorization: `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ To: message.to, ...sender, Body: message.body, ...(this.config.statusCallbackUrl ? { StatusCallback: this.config.statusCallbackUrl } : {}) }),
        signal: AbortSignal.timeout(15_000),
      });
    } catch (cause) {
      throw Object.assign(new SmsError('PROVIDER_UNAVAILABLE', true, 'Twilio could not be reached.'), { cause });
    }
    if (response.ok) return { id: ((await response.json()) as { sid: string }).sid };
    throw toSmsError(response.status, (await response.json().catch(() => ({}))) as TwilioErrorBody);
  }
}

function toSmsError(status: number, body: TwilioErrorBody): SmsError {
  const providerCode = body.code === undefined ? undefined : String(body.code);
  const text = `Twilio ${status}${providerCode ? ` (${providerCode})` : ''}: ${body.message ?? 'no message'}`;
  // 21211: the To number is not a valid phone number; 21614: not a mobile number.
  if (body.code === 21211 || body.code === 21614) return new SmsError('INVALID_NUMBER', false, text, providerCode);
  // 21610: the recipient replied STOP; Twilio refuses until they reply START.
  if (body.code === 21610) return new SmsError('UNSUBSCRIBED', false, text, providerCode);
  if (status === 429) return new SmsError('RATE_LIMITED', true, text, providerCode);
  if (status >= 500) return new SmsError('PROVIDER_UNAVAILABLE', true, text, providerCode);
  // 401 (wrong credentials) and other 4xx: retrying the same request cannot succeed.
  return new SmsError('REJECTED', false, text, providerCode);
}
