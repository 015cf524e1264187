import { createLogger } from '@solace/server-kit';
import { setupServer } from 'msw/node';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LocalSmsProvider } from './local-sms.provider';
import { readSmsKeyword } from './sms-keywords';
import { createSmsProvider, type SmsError, toE164, twilioStatusCallbackUrl } from './sms-provider';
import { twilioFake, twilioSignatureFor } from './twilio-fake';
import { TwilioSmsProvider } from './twilio.provider';

const log = createLogger('test');
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function twilio(from = '+15550000001', statusCallbackUrl?: string) {
  const fake = twilioFake();
  server.use(fake.handler);
  return { fake, provider: new TwilioSmsProvider({ accountSid: fake.account.sid, authToken: fake.account.token, from, statusCallbackUrl }) };
}

const refusal = (promise: Promise<unknown>) => promise.then(() => Promise.reject(new Error('expected a refusal')), (error: SmsError) => error);

describe('Twilio provider', () => {
  it('posts To, From and Body as a form with basic auth and answers the message sid', async () => {
    const { fake, provider } = twilio();
    const { id } = await provider.send({ to: '+15551234567', body: 'Hello' });
    expect(id).toMatch(/^SM[0-9a-f]{32}$/);
    expect(fake.state.sent).toEqual([{ sid: id, to: '+15551234567', from: '+15550000001', body: 'Hello', statusCallback: null }]);
  });

  it('asks Twilio to report the status to the router, and the fake signs that callback as Twilio does', async () => {
    const { fake, provider } = twilio('+15550000001', 'https://api.example.test/webhooks/twilio/status');
    const { id } = await provider.send({ to: '+15551234567', body: 'Hello' });
    expect(fake.state.sent[0]!.statusCallback).toBe('https://api.example.test/webhooks/twilio/status');
    const callback = fake.statusCallback(id, 'undelivered', 30003);
    expect(callback.url).toBe('https://api.example.test/webhooks/twilio/status');
    expect(callback.params).toMatchObject({ MessageSid: id, MessageStatus: 'undelivered', ErrorCode: '30003', To: '+15551234567' });
    // Twilio's documented example: this URL, these parameters and token 12345 sign as below.
    const documented = twilioSignatureFor('12345', 'https://mycompany.com/myapp.php?foo=1&bar=2', { CallSid: 'CA1234567890ABCDE', Caller: '+12349013030', Digits: '1234', From: '+12349013030', To: '+18005551212' });
    expect(documented).toBe('0/KCTR6DLpKmkAf8muzZqo1nDgQ=');
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

  it('points Twilio status callbacks at the router\'s public URL unless told otherwise', () => {
    expect(twilioStatusCallbackUrl({ SOLACE_PUBLIC_API_URL: 'https://api.example.test/' })).toBe('https://api.example.test/webhooks/twilio/status');
    expect(twilioStatusCallbackUrl({ SOLACE_PUBLIC_API_URL: 'https://api.example.test', TWILIO_STATUS_CALLBACK_URL: 'https://hooks.example.test/s' })).toBe('https://hooks.example.test/s');
  });

  it('writes typed phone numbers as E.164', () => {
    expect(toE164('(555) 123-4567')).toBe('+15551234567');
    expect(toE164('1-555-123-4567')).toBe('+15551234567');
    expect(toE164('+44 20 7946 0958')).toBe('+442079460958');
    expect(toE164('123')).toBe('123');
  });
});

describe('inbound keywords', () => {
  it("reads Twilio's opt-out words (any case, surrounding spaces, trailing punctuation)", () => {
    for (const word of ['STOP', 'stop', ' Stop! ', 'STOPALL', 'unsubscribe', 'CANCEL', 'end', 'QUIT', 'optout', 'REVOKE']) {
      expect(readSmsKeyword(word).action, word).toBe('OPT_OUT');
    }
    expect(readSmsKeyword('  stop. ')).toEqual({ action: 'OPT_OUT', keyword: 'STOP' });
  });

  it('reads opt-in words only when they are the whole message, and HELP as help', () => {
    for (const word of ['START', 'unstop', 'Yes', ' yes ']) expect(readSmsKeyword(word).action, word).toBe('OPT_IN');
    for (const text of ['yes see you then', 'yes.', 'Start tomorrow?']) expect(readSmsKeyword(text).action, text).toBe('NONE');
    expect(readSmsKeyword('help')).toEqual({ action: 'HELP', keyword: 'HELP' });
    expect(readSmsKeyword('Please stop texting me after 9pm')).toEqual({ action: 'NONE', keyword: null });
  });
});
