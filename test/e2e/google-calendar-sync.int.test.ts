// Two-way Google Calendar sync against a fake of Google's OAuth and Calendar APIs (msw): a clinician
// connects; busy time in Google blocks availability (free and Solace's own events do not); sessions
// appear in Google without client details, move and disappear with the appointment; a revoked grant
// is reported for reconnection.
import { createFieldCipher, createLogger, createPrismaClient } from '@solace/server-kit';
import { CALENDAR_SYNC_QUEUE, GoogleCalendarProvider } from '@solace/workers';
import { DateTime } from 'luxon';
import { FetchInterceptor } from '@mswjs/interceptors/fetch';
import { SetupServerApi } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CalendarSyncRepository } from '../../workers/src/calendar-sync/calendar-sync.repository';
import { startCalendarSyncWorker } from '../../workers/src/calendar-sync/calendar-sync.worker';
import { googleFake } from '../../workers/src/calendar-sync/google-fake';
import { createTestClient, createTestPractice, createTestStaff, testPrisma } from '../support/factories';
import { gql, tokenFor } from '../support/graphql-client';
import { startStack, type TestStack } from '../support/stack';

const google = googleFake();
process.env.SOLACE_GOOGLE_CLIENT_ID = google.client.id;
process.env.SOLACE_GOOGLE_CLIENT_SECRET = google.client.secret;
// Only Google is faked, and only fetch (what the provider uses) is intercepted: the router's
// HTTP and WebSocket traffic on localhost is left alone.
const server = new SetupServerApi(google.handlers, [new FetchInterceptor()]);
const appPrisma = createPrismaClient(process.env.DATABASE_URL!, { poolSize: 2 });
let stack: TestStack;
let worker: ReturnType<typeof startCalendarSyncWorker>;

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'bypass' });
  stack = await startStack();
  worker = startCalendarSyncWorker({
    redisUrl: process.env.REDIS_URL!,
    queueName: CALENDAR_SYNC_QUEUE,
    sync: new CalendarSyncRepository(appPrisma),
    provider: new GoogleCalendarProvider({ clientId: google.client.id, clientSecret: google.client.secret }),
    cipher: createFieldCipher(),
    log: createLogger('test'),
  });
});
afterAll(async () => {
  await worker?.close();
  await stack?.stop();
  await appPrisma.$disconnect();
  server.close();
});

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('condition not reached');
}

const NY = 'America/New_York';
/** 09:00 New York on a weekday at least three days ahead. */
function weekdayMorning(): DateTime {
  let day = DateTime.now().setZone(NY).plus({ days: 3 }).startOf('day');
  while (day.weekday > 5) day = day.plus({ days: 1 });
  return day.set({ hour: 9 });
}
const SLOTS = `query($serviceId: ID!, $clinicianId: ID, $from: DateTimeISO!, $to: DateTimeISO!) { availableSlots(serviceId: $serviceId, clinicianId: $clinicianId, from: $from, to: $to) { startsAt } }`;

describe('Google Calendar sync', () => {
  it('connects, blocks availability with Google busy time, and mirrors sessions without client details', async () => {
    const prisma = testPrisma();
    const practice = await createTestPractice();
    const maya = await createTestStaff(practice);
    const token = await tokenFor(maya);
    await prisma.workingHours.createMany({ data: [1, 2, 3, 4, 5].map((weekday) => ({ practiceId: practice.id, clinicianId: maya.id, weekday, startMinute: 9 * 60, endMinute: 17 * 60 })) });
    const service = await prisma.service.create({ data: { practiceId: practice.id, name: 'Therapy', durationMinutes: 60, priceCents: 100 } });
    const day = weekdayMorning();
    const at = (hour: number) => day.set({ hour }).toUTC().toISO()!;
    google.state.events.set('busy1', { id: 'busy1', status: 'confirmed', summary: 'Dentist', start: { dateTime: at(10) }, end: { dateTime: at(12) } });
    google.state.events.set('free1', { id: 'free1', status: 'confirmed', transparency: 'transparent', summary: 'Reminder', start: { dateTime: at(14) }, end: { dateTime: at(15) } });

    const url = new URL((await gql(stack.routerUrl, 'mutation { startGoogleCalendarConnection }', {}, token)).data!.startGoogleCalendarConnection as string);
    expect(url.origin + url.pathname).toBe('https://accounts.google.com/o/oauth2/v2/auth');
    expect(url.searchParams.get('access_type')).toBe('offline');
    expect(url.searchParams.get('redirect_uri')).toMatch(/\/account\/google-calendar$/);
    const state = url.searchParams.get('state')!;

    const complete = `mutation($code: String!, $state: String!) { completeGoogleCalendarConnection(code: $code, state: $state) { connected lastError } }`;
    // A colleague cannot complete Maya's connection with her state (a forged callback).
    const colleague = await tokenFor(await createTestStaff(practice));
    expect((await gql(stack.routerUrl, complete, { code: 'good-code', state }, colleague)).errors?.[0]?.extensions?.code).toBe('INVALID_TOKEN');
    // The state was single use, so Maya starts again.
    const state2 = new URL((await gql(stack.routerUrl, 'mutation { startGoogleCalendarConnection }', {}, token)).data!.startGoogleCalendarConnection as string).searchParams.get('state')!;
    const connected = await gql(stack.routerUrl, complete, { code: 'good-code', state: state2 }, token);
    expect(connected.data!.completeGoogleCalendarConnection).toEqual({ connected: true, lastError: null });
    const stored = await prisma.calendarConnection.findFirstOrThrow({ where: { clinicianId: maya.id } });
    expect(stored.refreshToken).toMatch(/^enc:v1:/);

    // The first pull copies the busy event, not the free one.
    await eventually(() => prisma.externalBusyBlock.findMany({ where: { clinicianId: maya.id } }), (rows) => rows.length === 1);
    const slots = await gql(stack.routerUrl, SLOTS, { serviceId: service.id, clinicianId: maya.id, from: at(0), to: at(23) }, token);
    expect(slots.data!.availableSlots.map((s: { startsAt: string }) => DateTime.fromISO(s.startsAt).setZone(NY).toFormat('HH:mm'))).toEqual(['09:00', '12:00', '12:30', '13:00', '13:30', '14:00', '14:30', '15:00', '15:30', '16:00']);

    // A session booked in Solace appears in Google as "Session (Solace)", nothing about the client.
    const client = await createTestClient(practice, { firstName: 'Dana' });
    const booked = await gql(stack.routerUrl, `mutation($input: BookAppointmentInput!) { bookAppointment(input: $input) { id } }`, { input: { clientId: client.id, serviceId: service.id, startsAt: at(13) } }, token);
    const appointmentId = booked.data!.bookAppointment.id as string;
    const mirror = await eventually(() => prisma.externalCalendarEvent.findFirst({ where: { appointmentId } }), (row) => row !== null);
    const event = google.state.events.get(mirror!.externalEventId)!;
    expect(event).toMatchObject({ summary: 'Session (Solace)', start: { dateTime: at(13) }, extendedProperties: { private: { solaceAppointmentId: appointmentId } } });
    expect(JSON.stringify(event)).not.toContain('Dana');
    expect(JSON.stringify(event)).not.toContain(client.lastName);

    await gql(stack.routerUrl, `mutation($id: ID!, $s: DateTimeISO!, $e: DateTimeISO!) { rescheduleAppointment(id: $id, startsAt: $s, endsAt: $e) { id } }`, { id: appointmentId, s: at(15), e: at(16) }, token);
    await eventually(async () => google.state.events.get(mirror!.externalEventId)?.start.dateTime, (start) => start === at(15));
    await gql(stack.routerUrl, `mutation($id: ID!) { cancelAppointment(id: $id, reason: CLINICIAN_UNAVAILABLE) { id } }`, { id: appointmentId }, token);
    await eventually(async () => google.state.events.get(mirror!.externalEventId)?.status, (status) => status === 'cancelled');
    expect(await prisma.externalCalendarEvent.count({ where: { appointmentId } })).toBe(0);
  });

  it('reports a revoked grant for reconnection, and keeps each clinician to their own connection', async () => {
    const prisma = testPrisma();
    const practice = await createTestPractice();
    const sam = await createTestStaff(practice);
    const token = await tokenFor(sam);
    google.state.codes.set('code-sam', 'refresh-sam');
    google.state.refreshTokens.add('refresh-sam');
    const state = new URL((await gql(stack.routerUrl, 'mutation { startGoogleCalendarConnection }', {}, token)).data!.startGoogleCalendarConnection as string).searchParams.get('state')!;
    await gql(stack.routerUrl, `mutation($code: String!, $state: String!) { completeGoogleCalendarConnection(code: $code, state: $state) { connected } }`, { code: 'code-sam', state }, token);
    await eventually(() => prisma.calendarConnection.findFirstOrThrow({ where: { clinicianId: sam.id } }), (c) => c.lastSyncedAt !== null);

    google.state.refreshTokens.delete('refresh-sam'); // Sam removed Solace's access in his Google account
    const connection = await prisma.calendarConnection.findFirstOrThrow({ where: { clinicianId: sam.id } });
    const { createCalendarSyncQueue } = await import('@solace/workers');
    const queue = createCalendarSyncQueue(process.env.REDIS_URL!);
    await queue.add('pull', { kind: 'pull', practiceId: practice.id, connectionId: connection.id });
    const status = await eventually(
      async () => (await gql(stack.routerUrl, '{ googleCalendarConnection { connected lastError } }', {}, token)).data!.googleCalendarConnection,
      (s: { lastError: string | null }) => s.lastError !== null,
    );
    expect(status).toEqual({ connected: true, lastError: 'invalid_grant' });
    await queue.close();

    const other = await tokenFor(await createTestStaff(practice));
    expect((await gql(stack.routerUrl, '{ googleCalendarConnection { connected } }', {}, other)).data!.googleCalendarConnection.connected).toBe(false);
    expect((await gql(stack.routerUrl, 'mutation { disconnectGoogleCalendar { connected } }', {}, token)).data!.disconnectGoogleCalendar.connected).toBe(false);
    expect(await prisma.calendarConnection.count({ where: { clinicianId: sam.id } })).toBe(0);
  });
});
