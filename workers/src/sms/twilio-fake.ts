// For tests: an msw handler that answers like Twilio's Messages API, errors included (error body
// shapes from Twilio's documentation), and records what it accepted. It also plays Twilio's side
// of the webhooks: status callbacks to the StatusCallback a message was sent with, and inbound
// texts, signed with the account's auth token exactly as Twilio signs them (X-Twilio-Signature).
import { createHmac } from 'node:crypto';
import { http, HttpResponse } from 'msw';
import { E164_PATTERN } from './sms-keywords';
import { TWILIO_API } from './twilio.provider';

// Twilio's own default opt-out and opt-in words, written from its documentation rather than imported
// from what Solace recognises, so a word Solace missed shows in the tests.
const TWILIO_OPT_OUT = ['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'OPTOUT', 'REVOKE'];
const TWILIO_OPT_IN = ['START', 'UNSTOP', 'YES'];

/** A webhook request as Twilio would send it: the URL it signed, the form, and the signature. */
export interface TwilioWebhookRequest {
  url: string;
  params: Record<string, string>;
  signature: string;
}

/**
 * Twilio's request signature, written from its specification independently of the router's check:
 * HMAC-SHA1 keyed with the auth token over the full URL followed by every POST parameter, sorted
 * by name, as name + value; base64. https://www.twilio.com/docs/usage/webhooks/webhooks-security
 */
export function twilioSignatureFor(authToken: string, url: string, params: Record<string, string>): string {
  const data = Object.keys(params)
    .sort()
    .reduce((text, name) => text + name + params[name], url);
  return createHmac('sha1', authToken).update(Buffer.from(data, 'utf8')).digest('base64');
}

/** Posts a webhook request to `target` (the router's own address; the URL signed is the public one). */
export function postTwilioWebhook(target: string, request: TwilioWebhookRequest, signature = request.signature): Promise<Response> {
  return fetch(target, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature, 'user-agent': 'TwilioProxy/1.1' },
    body: new URLSearchParams(request.params),
  });
}

export function twilioFake(account = { sid: 'AC00000000000000000000000000000001', token: 'test-token' }) {
  const state = {
    sent: [] as Array<{ sid: string; to: string; from: string | null; body: string; statusCallback: string | null }>,
    /** Numbers that replied STOP. */
    unsubscribed: new Set<string>(),
    /** Statuses to answer with before accepting again (429, 500, 503...). */
    failures: [] as number[],
  };
  const error = (status: number, code: number, message: string) =>
    HttpResponse.json({ code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status }, { status });

  const handler = http.post(`${TWILIO_API}/2010-04-01/Accounts/:accountSid/Messages.json`, async ({ request, params }) => {
    const expected = `Basic ${Buffer.from(`${account.sid}:${account.token}`).toString('base64')}`;
    if (params.accountSid !== account.sid || request.headers.get('authorization') !== expected) return error(401, 20003, 'Authenticate');
    const failure = state.failures.shift();
    if (failure === 429) return error(429, 20429, 'Too Many Requests');
    if (failure) return error(failure, 20500, 'Internal Server Error');
    const form = new URLSearchParams(await request.text());
    const to = form.get('To') ?? '';
    const body = form.get('Body') ?? '';
    const statusCallback = form.get('StatusCallback');
    if (!form.get('From') && !form.get('MessagingServiceSid')) return error(400, 21603, "A 'From' or 'MessagingServiceSid' parameter is required to send a message");
    if (!E164_PATTERN.test(to)) return error(400, 21211, `Invalid 'To' Phone Number: ${to}`);
    if (statusCallback !== null && !/^https?:\/\/\S+$/.test(statusCallback)) return error(400, 21609, `Invalid StatusCallback: ${statusCallback}`);
    if (state.unsubscribed.has(to)) return error(400, 21610, 'Attempt to send to unsubscribed recipient');
    const sid = `SM${crypto.randomUUID().replace(/-/g, '')}`;
    state.sent.push({ sid, to, from: form.get('From'), body, statusCallback });
    return HttpResponse.json({ sid, account_sid: account.sid, to, from: form.get('From'), body, status: 'queued', num_segments: '1', error_code: null }, { status: 201 });
  });

  const signed = (url: string, params: Record<string, string>): TwilioWebhookRequest => ({ url, params, signature: twilioSignatureFor(account.token, url, params) });

  /** The status callback Twilio would post for a message it accepted (to the StatusCallback it was given). */
  function statusCallback(sid: string, status: 'queued' | 'sending' | 'sent' | 'delivered' | 'undelivered' | 'failed' | 'read' | 'canceled', errorCode?: number): TwilioWebhookRequest {
    const message = state.sent.find((m) => m.sid === sid);
    if (!message?.statusCallback) throw new Error(`Twilio has no StatusCallback for ${sid}.`);
    const params: Record<string, string> = {
      AccountSid: account.sid,
      ApiVersion: '2010-04-01',
      From: message.from ?? '+15550000001',
      MessageSid: sid,
      MessageStatus: status,
      SmsSid: sid,
      SmsStatus: status,
      To: message.to,
    };
    if (errorCode !== undefined) params.ErrorCode = String(errorCode);
    return signed(message.statusCallback, params);
  }

  /**
   * An inbound text as Twilio posts it to the number's messaging webhook. Like Twilio's default
   * opt-out handling, an opt-out keyword also stops further messages to that number (21610).
   */
  function inbound(url: string, text: { from: string; to: string; body: string }): TwilioWebhookRequest {
    const word = text.body.trim().toUpperCase();
    if (TWILIO_OPT_OUT.includes(word)) state.unsubscribed.add(text.from);
    if (TWILIO_OPT_IN.includes(word)) state.unsubscribed.delete(text.from);
    const sid = `SM${crypto.randomUUID().replace(/-/g, '')}`;
    return signed(url, {
      AccountSid: account.sid,
      ApiVersion: '2010-04-01',
      Body: text.body,
      From: text.from,
      FromCountry: 'US',
      MessageSid: sid,
      NumMedia: '0',
      NumSegments: '1',
      SmsMessageSid: sid,
      SmsSid: sid,
      SmsStatus: 'received',
      To: text.to,
      ...(TWILIO_OPT_OUT.includes(word) ? { OptOutType: 'STOP' } : TWILIO_OPT_IN.includes(word) ? { OptOutType: 'START' } : word === 'HELP' ? { OptOutType: 'HELP' } : {}),
    });
  }

  return { handler, account, state, statusCallback, inbound };
}
