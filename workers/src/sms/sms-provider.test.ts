import { createLogger } from '@solace/server-kit';
import { setupServer } from 'msw/node';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LocalSmsProvider } from './local-sms.provider';
import { createSmsProvider, type SmsError, toE164 } from './sms-provider';
import { twilioFake } from './twilio-fake';
import { TwilioSmsProvider } from './twilio.provider';

const log = createLogger('test');
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function twilio(from = '+15550000001') {
  const fake = twilioFake();
  server.use(fake.handler);
  return { fake, provider: new TwilioSmsProvider({ accountSid: fake.account.sid, authToken: fake.account.token, from }) };
}

const refusal = (promise: Promise<unknown>) => promise.then(() => Promise.reject(new Error('expected a refusal')), (error: SmsError) => error);

describe('Twilio provider', () => {
  it('posts To, From and Body as a form with basic auth and answers the message sid', async () => {
    const { fake, provider } = twilio();
    const { id } = await provider.send({ to: '+15551234567', body: 'Hello' });
    expect(id).toMatch(/^SM[0-9a-f]{32}$/);
    expect(fake.state.sent).toEqual([{ sid: id, to: '+15551234567', from: '+15550000001', body: 'Hello' }]);
  });

  it('sends through a messaging service when From is an MG sid', async () => {
    const { fake, provider } = twilio('MG00000000000000000000000000000001');
    await provider.send({ to: '+15551234567', body: 'Hello' });
    expect(fake.state.sent[0]!.from).toBeNull();
  });

  it('maps an invalid number (21211) and an unsubscribed recipient (21610) to errors a retry cannot fix', async () => {
    const { fake, provider } = twilio();
    expect(await refusal(provider.send({ to: '555-1234', body: 'x' }))).toMatchObject({ code: 'INVALID_NUMBER', retryable: false, providerCode: '21211' });
    fake.state.unsubscribed.add('+15551234567');
    expect(await refusal(provider.send({ to: '+15551234567', body: 'x' }))).toMatchObject({ code: 'UNSUBSCRIBED', retryable: false, providerCode: '21610' });
    expect(fake.state.sent).toEqual([]);
  });

  it('marks rate limits (429) and outages (5xx) retryable, and wrong credentials (401) not', async () => {
    const { fake, provider } = twilio();
    fake.state.failures.push(429, 503);
    expect(await refusal(provider.send({ to: '+15551234567', body: 'x' }))).toMatchObject({ code: 'RATE_LIMITED', retryable: true });
    expect(await refusal(provider.send({ to: '+15551234567', body: 'x' }))).toMatchObject({ code: 'PROVIDER_UNAVAILABLE', retryable: true });
    await provider.send({ to: '+15551234567', body: 'x' });
    const wrong = new TwilioSmsProvider({ accountSid: fake.account.sid, authToken: 'wrong', from: '+15550000001' });
    expect(await refusal(wrong.send({ to: '+15551234567', body: 'x' }))).toMatchObject({ code: 'REJECTED', retryable: false, providerCode: '20003' });
  });
});

describe('local provider and selection', () => {
  it('writes the message to the outbox folder instead of sending it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'solace-sms-'));
    const { id } = await new LocalSmsProvider(dir, log).send({ to: '+15551234567', body: 'Hello\nReply STOP to opt out.' });
    const content = await readFile(join(dir, `${id}.txt`), 'utf8');
    expect(content).toMatch(/^To: \+15551234567\nDate: .+\n\nHello\nReply STOP to opt out.\n$/);
    expect(await readdir(dir)).toHaveLength(1);
  });

  it('uses the local provider by default, Twilio when configured, and names what is missing', () => {
    expect(createSmsProvider({ SMS_OUTBOX_DIR: '/tmp/x' }, log)).toBeInstanceOf(LocalSmsProvider);
    expect(createSmsProvider({ SMS_PROVIDER: 'twilio', TWILIO_ACCOUNT_SID: 'AC1', TWILIO_AUTH_TOKEN: 't', TWILIO_FROM: '+15550000001' }, log)).toBeInstanceOf(TwilioSmsProvider);
    expect(() => createSmsProvider({ SMS_PROVIDER: 'twilio', TWILIO_ACCOUNT_SID: 'AC1' }, log)).toThrow('SMS_PROVIDER=twilio needs TWILIO_AUTH_TOKEN, TWILIO_FROM.');
    expect(() => createSmsProvider({ SMS_PROVIDER: 'pager' }, log)).toThrow(/Unknown SMS_PROVIDER "pager"/);
  });

  it('writes typed phone numbers as E.164', () => {
    expect(toE164('(555) 123-4567')).toBe('+15551234567');
    expect(toE164('1-555-123-4567')).toBe('+15551234567');
    expect(toE164('+44 20 7946 0958')).toBe('+442079460958');
    expect(toE164('123')).toBe('123');
  });
});
