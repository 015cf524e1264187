// How Solace sends text messages. Jobs call an SmsProvider; which one is chosen here from the
// environment (README.md beside this file).
import { resolve } from 'node:path';
import { loadConfig, TWILIO_WEBHOOK_PATHS, type Logger } from '@solace/server-kit';
import { LocalSmsProvider } from './local-sms.provider';
import { TwilioSmsProvider } from './twilio.provider';

/** The router's Twilio webhooks (router/src/webhooks): inbound texts and status callbacks. */

export interface SmsMessage {
  /** E.164, e.g. +15551234567. */
  to: string;
  body: string;
}

export interface SmsProvider {
  send(message: SmsMessage): Promise<{ id: string }>;
}

/**
 * A refused message. `retryable` errors (rate limits, provider outages) are thrown on so BullMQ
 * retries with backoff; the others (invalid number, recipient unsubscribed) never succeed on retry.
 */
export class SmsError extends Error {
  constructor(
    readonly code: 'INVALID_NUMBER' | 'UNSUBSCRIBED' | 'RATE_LIMITED' | 'PROVIDER_UNAVAILABLE' | 'REJECTED',
    readonly retryable: boolean,
    message: string,
    /** The provider's own error code (Twilio: 21211, 21610...). */
    readonly providerCode?: string,
  ) {
    super(message);
    this.name = 'SmsError';
  }
}

export function createSmsProvider(env: NodeJS.ProcessEnv, log: Logger): SmsProvider {
  const kind = env.SMS_PROVIDER ?? 'local';
  if (kind === 'local') return new LocalSmsProvider(env.SMS_OUTBOX_DIR ?? resolve(__dirname, '../../../.sms-outbox'), log);
  if (kind === 'twilio') {
    const missing = ['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'TWILIO_FROM'].filter((name) => !env[name]);
    if (missing.length) throw new Error(`SMS_PROVIDER=twilio needs ${missing.join(', ')}.`);
    return new TwilioSmsProvider({ accountSid: env.TWILIO_ACCOUNT_SID!, authToken: env.TWILIO_AUTH_TOKEN!, from: env.TWILIO_FROM!, statusCallbackUrl: twilioStatusCallbackUrl(env) });
  }
  throw new Error(`Unknown SMS_PROVIDER "${kind}". Available: local, twilio.`);
}

/** The router's status webhook at its public URL (SOLACE_PUBLIC_API_URL), unless TWILIO_STATUS_CALLBACK_URL says otherwise. */
export function twilioStatusCallbackUrl(env: NodeJS.ProcessEnv): string {
  return env.TWILIO_STATUS_CALLBACK_URL || `${loadConfig(env).publicApiUrl}${TWILIO_WEBHOOK_PATHS.status}`;
}

/**
 * E.164 for the numbers people type: "+44 20 7946 0958" keeps its country code, a ten-digit
 * number ("(555) 123-4567") is taken as North American (+1). Anything else goes as typed and the
 * provider refuses it as an invalid number, which the delivery log then shows.
 */
export function toE164(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (phone.trim().startsWith('+')) return `+${digits}`;
  if (digits.length === 10) return `+1${digits}`;
  if (digits.length === 11 && digits.startsWith('1')) return `+${digits}`;
  return phone.trim();
}
