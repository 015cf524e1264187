// Telehealth sessions through the router with Zoom faked by msw: booking gets a meeting (topic names
// the practice, never the client), a series shares one meeting, a Zoom outage leaves the booking
// with its link pending until createMeetingLink succeeds, and cancelling deletes the meeting (a
// series' meeting once no session is left to use it).
import { FetchInterceptor } from '@mswjs/interceptors/fetch';
import { SetupServerApi } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zoomFake } from '../../subgraphs/appointments/src/telehealth/zoom-fake';
import { createTestClient, createTestPractice, createTestStaff } from '../support/factories';
import { gql, tokenFor } from '../support/graphql-client';
import { startStack, type TestStack } from '../support/stack';

const zoom = zoomFake();
process.env.SOLACE_VIDEO_PROVIDER = 'zoom';
process.env.ZOOM_ACCOUNT_ID = 'acct-1';
process.env.ZOOM_CLIENT_ID = 'client-1';
process.env.ZOOM_CLIENT_SECRET = 'secret-1';
// Only fetch is intercepted (the provider's); the router's own traffic is left alone.
const server = new SetupServerApi(zoom.handlers, [new FetchInterceptor()]);
let stack: TestStack;

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'bypass' });
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
  server.close();
});

const BOOK = `mutation($input: BookAppointmentInput!) { bookAppointment(input: $input) { id modality meetingJoinUrl meetingHostUrl } }`;
const inDays = (days: number, hour = 15) => {
  const at = new Date(Date.now() + days * 86_400_000);
  at.setUTCHours(hour, 0, 0, 0);
  return at.toISOString();
};

describe('telehealth meeting links', () => {
  it('creates a meeting for a video session, without the client in it, and deletes it on cancel', async () => {
    const practice = await createTestPractice();
    const maya = await createTestStaff(practice);
    const token = await tokenFor(maya);
    const client = await createTestClient(practice, { firstName: 'Dana' });
    const booked = await gql(stack.routerUrl, BOOK, { input: { clientId: client.id, modality: 'TELEHEALTH', startsAt: inDays(3), endsAt: inDays(3, 16) } }, token);
    expect(booked.errors).toBeUndefined();
    expect(booked.data!.bookAppointment.meetingJoinUrl).toMatch(/^https:\/\//);
    expect(booked.data!.bookAppointment.meetingHostUrl).toMatch(/^https:\/\//);
    expect(zoom.state.meetings.size).toBe(1);
    const [meeting] = [...zoom.state.meetings.values()];
    expect(meeting!.topic).toBe(`${practice.name} telehealth session`);
    expect(JSON.stringify(meeting)).not.toContain('Dana');
    expect(meeting!.duration).toBe(60);

    const cancelled = await gql(stack.routerUrl, `mutation($id: ID!) { cancelAppointment(id: $id) { status } }`, { id: booked.data!.bookAppointment.id }, token);
    expect(cancelled.data!.cancelAppointment.status).toBe('CANCELLED');
    expect(zoom.state.meetings.size).toBe(0);

    // In person: no meeting.
    const inPerson = await gql(stack.routerUrl, BOOK, { input: { clientId: client.id, startsAt: inDays(4), endsAt: inDays(4, 16) } }, token);
    expect(inPerson.data!.bookAppointment.meetingJoinUrl).toBeNull();
  });

  it('keeps the booking when Zoom is down and gets the link later; a series shares one meeting', async () => {
    const practice = await createTestPractice();
    const maya = await createTestStaff(practice);
    const token = await tokenFor(maya);
    const client = await createTestClient(practice);
    zoom.state.failures.push(503, 503, 503, 503);
    const booked = await gql(stack.routerUrl, BOOK, { input: { clientId: client.id, modality: 'TELEHEALTH', startsAt: inDays(5), endsAt: inDays(5, 16) } }, token);
    expect(booked.errors).toBeUndefined();
    expect(booked.data!.bookAppointment.meetingJoinUrl).toBeNull();
    zoom.state.failures.length = 0;
    const retried = await gql(stack.routerUrl, `mutation($id: ID!) { createMeetingLink(id: $id) { meetingJoinUrl } }`, { id: booked.data!.bookAppointment.id }, token);
    expect(retried.data!.createMeetingLink.meetingJoinUrl).toMatch(/^https:\/\//);

    const before = zoom.state.meetings.size;
    const series = await gql(
      stack.routerUrl,
      `mutation($input: BookSeriesInput!) { bookSeries(input: $input) { booked { id meetingJoinUrl } } }`,
      { input: { clientId: client.id, modality: 'TELEHEALTH', startsAt: inDays(6), endsAt: inDays(6, 16), recurrence: { frequency: 'WEEKLY', count: 4 } } },
      token,
    );
    expect(series.errors).toBeUndefined();
    const links = series.data!.bookSeries.booked.map((a: { meetingJoinUrl: string }) => a.meetingJoinUrl);
    expect(links).toHaveLength(4);
    expect(new Set(links).size).toBe(1);
    expect(links[0]).toMatch(/^https:\/\//);
    expect(zoom.state.meetings.size).toBe(before + 1);

    // Cancelling the last two sessions keeps the meeting for the first two; cancelling the rest deletes it.
    const [first, , third] = series.data!.bookSeries.booked as Array<{ id: string }>;
    const CANCEL = `mutation($id: ID!, $scope: SeriesEditScope!) { cancelSeries(appointmentId: $id, scope: $scope) { status } }`;
    expect((await gql(stack.routerUrl, CANCEL, { id: third!.id, scope: 'THIS_AND_FOLLOWING' }, token)).data!.cancelSeries).toHaveLength(2);
    expect(zoom.state.meetings.size).toBe(before + 1);
    expect((await gql(stack.routerUrl, CANCEL, { id: first!.id, scope: 'ALL' }, token)).data!.cancelSeries).toHaveLength(2);
    expect(zoom.state.meetings.size).toBe(before);

    const stranger = await tokenFor(await createTestStaff(await createTestPractice(), { roles: ['ADMIN'] }));
    expect((await gql(stack.routerUrl, `mutation($id: ID!) { createMeetingLink(id: $id) { id } }`, { id: booked.data!.bookAppointment.id }, stranger)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
