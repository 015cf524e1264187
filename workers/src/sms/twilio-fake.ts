// For tests: an msw handler that answers like Twilio's Messages API, errors included (error body
// shapes from Twilio's documentation), and records what it accepted.
import { http, HttpResponse } from 'msw';
import { TWILIO_API } from './twilio.provider';

export function twilioFake(account = { sid: 'AC00000000000000000000000000000001', token: 'test-token' }) {
  const state = {
    sent: [] as Array<{ sid: string; to: string; from: string | null; body: string }>,
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
    if (!form.get('From') && !form.get('MessagingServiceSid')) return error(400, 21603, "A 'From' or 'MessagingServiceSid' parameter is required to send a message");
    if (!/^\+[1-9]\d{7,14}$/.test(to)) return error(400, 21211, `Invalid 'To' Phone Number: ${to}`);
    if (state.unsubscribed.has(to)) return error(400, 21610, 'Attempt to send to unsubscribed recipient');
    const sid = `SM${crypto.randomUUID().replace(/-/g, '')}`;
    state.sent.push({ sid, to, from: form.get('From'), body });
    return HttpResponse.json({ sid, account_sid: account.sid, to, from: form.get('From'), body, status: 'queued', num_segments: '1', error_code: null }, { status: 201 });
  });
  return { handler, account, state };
}
