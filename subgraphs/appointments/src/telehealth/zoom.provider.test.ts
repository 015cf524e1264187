import { createLogger } from '@solace/server-kit';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LocalVideoProvider } from './local-video.provider';
import { createVideoProvider, telehealthTopic, type VideoProviderError } from './video-provider';
import { zoomFake } from './zoom-fake';
import { ZoomVideoProvider } from './zoom.provider';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function zoom(overrides: Partial<{ clientSecret: string; now: () => number }> = {}) {
  const fake = zoomFake();
  server.use(...fake.handlers);
  const provider = new ZoomVideoProvider({ ...fake.app, clientSecret: overrides.clientSecret ?? fake.app.clientSecret }, overrides.now);
  return { fake: fake.state, provider };
}
const session = { topic: telehealthTopic('Maple Counselling'), startsAt: new Date('2030-06-03T15:00:00Z'), durationMinutes: 50 };
const refusal = (promise: Promise<unknown>) => promise.then(() => Promise.reject(new Error('expected a refusal')), (error: VideoProviderError) => error);

describe('Zoom provider', () => {
  it('creates a scheduled meeting with a waiting room and answers its client and host links', async () => {
    const { fake, provider } = zoom();
    const meeting = await provider.createMeeting(session);
    expect(meeting).toEqual({ joinUrl: `https://us02web.zoom.us/j/${meeting.externalId}?pwd=client`, hostUrl: `https://us02web.zoom.us/s/${meeting.externalId}?zak=host`, externalId: '80000000001' });
    expect(fake.meetings.get(meeting.externalId)).toEqual({
      topic: 'Maple Counselling telehealth session',
      start_time: '2030-06-03T15:00:00Z',
      duration: 50,
      timezone: 'UTC',
      settings: { join_before_host: false, waiting_room: true },
    });
  });

  it('reuses its token until shortly before it expires, then fetches a new one', async () => {
    let clock = Date.parse('2030-06-01T00:00:00Z');
    const { fake, provider } = zoom({ now: () => clock });
    await provider.createMeeting(session);
    await Promise.all([provider.createMeeting(session), provider.createMeeting(session)]);
    expect(fake.tokensIssued).toBe(1);
    clock += 59 * 60_000; // a token lives an hour; it is replaced a minute early
    await provider.createMeeting(session);
    expect(fake.tokensIssued).toBe(2);
  });

  it('fetches a new token once when Zoom answers 401 (revoked token) and retries', async () => {
    const { fake, provider } = zoom();
    await provider.createMeeting(session);
    fake.valid.clear();
    await provider.createMeeting(session);
    expect(fake.tokensIssued).toBe(2);
    expect(fake.meetings.size).toBe(2);
  });

  it('maps rate limits and outages to retryable errors, wrong credentials and validation to final ones', async () => {
    const { fake, provider } = zoom();
    fake.failures.push(429, 503);
    expect(await refusal(provider.createMeeting(session))).toMatchObject({ code: 'RATE_LIMITED', retryable: true, providerCode: '429', retryAfterSeconds: 2 });
    expect(await refusal(provider.createMeeting(session))).toMatchObject({ code: 'PROVIDER_UNAVAILABLE', retryable: true });
    expect(await refusal(provider.createMeeting({ ...session, topic: '' }))).toMatchObject({ code: 'REJECTED', retryable: false, providerCode: '300', message: 'Zoom 400 (300): Validation Failed.' });
    const wrong = zoom({ clientSecret: 'wrong' }).provider;
    expect(await refusal(wrong.createMeeting(session))).toMatchObject({ code: 'UNAUTHORIZED', retryable: false, providerCode: 'invalid_client' });
  });

  it('deletes a meeting, and deleting one that is already gone succeeds', async () => {
    const { fake, provider } = zoom();
    const { externalId } = await provider.createMeeting(session);
    await provider.deleteMeeting(externalId);
    expect(fake.meetings.size).toBe(0);
    await expect(provider.deleteMeeting(externalId)).resolves.toBeUndefined();
  });
});

describe('local provider and selection', () => {
  const log = createLogger('test');

  it('gives clearly local placeholder links', async () => {
    const meeting = await new LocalVideoProvider(log).createMeeting(session);
    expect(meeting.joinUrl).toMatch(/^https:\/\/local-video\.invalid\/meeting\/local-[0-9a-f-]{36}$/);
    expect(meeting.hostUrl).toBe(`${meeting.joinUrl}?host=1`);
    await expect(new LocalVideoProvider(log).deleteMeeting(meeting.externalId)).resolves.toBeUndefined();
  });

  it('is local by default, Zoom when configured, and names missing settings', () => {
    expect(createVideoProvider({}, log).name).toBe('local');
    expect(createVideoProvider({ SOLACE_VIDEO_PROVIDER: 'zoom', ZOOM_ACCOUNT_ID: 'a', ZOOM_CLIENT_ID: 'b', ZOOM_CLIENT_SECRET: 'c' }, log)).toBeInstanceOf(ZoomVideoProvider);
    expect(() => createVideoProvider({ SOLACE_VIDEO_PROVIDER: 'zoom', ZOOM_ACCOUNT_ID: 'a' }, log)).toThrow('SOLACE_VIDEO_PROVIDER=zoom needs ZOOM_CLIENT_ID, ZOOM_CLIENT_SECRET.');
    expect(() => createVideoProvider({ SOLACE_VIDEO_PROVIDER: 'skype' }, log)).toThrow(/Unknown SOLACE_VIDEO_PROVIDER "skype"/);
  });

  it('names the practice in the topic, never the client', () => {
    expect(telehealthTopic('Maple Counselling')).toBe('Maple Counselling telehealth session');
  });
});
