// Live calendars: appointmentChanged(from, to) tells every open calendar of the practice about
// bookings, moves and status changes inside its window — with fields from other subgraphs — and
// nothing outside the window or of another practice.
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createTestClient, createTestPractice, createTestStaff } from '../support/factories';
import { gql, tokenFor } from '../support/graphql-client';
import { startStack, type TestStack } from '../support/stack';
import { waitForSubscriber } from '../support/subscribers';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

const BOOK = 'mutation ($input: BookAppointmentInput!) { bookAppointment(input: $input) { id } }';
const SUBSCRIBE = 'subscription ($from: DateTimeISO!, $to: DateTimeISO!) { appointmentChanged(from: $from, to: $to) { id status startsAt client { firstName } } }';

function listen(token: string, from: Date, to: Date) {
  const ws: WsClient = createWsClient({ url: stack.routerUrl.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
  const events: Array<{ data?: any; errors?: unknown }> = [];
  ws.subscribe({ query: SUBSCRIBE, variables: { from: from.toISOString(), to: to.toISOString() } }, { next: (event) => void events.push(event), error: () => undefined, complete: () => undefined });
  return { events, close: () => ws.dispose() };
}

describe('appointmentChanged', () => {
  it('pushes bookings and status changes inside the window to every open calendar of the practice, and nothing else', async () => {
    const practice = await createTestPractice();
    const frontDesk = await createTestStaff(practice, { roles: ['FRONT_DESK'] });
    const clinician = await createTestStaff(practice);
    const client = await createTestClient(practice, { firstName: 'Dana' });
    const stranger = await createTestStaff(await createTestPractice());
    const windowStart = new Date(Date.now() + 10 * 86_400_000);
    const windowEnd = new Date(windowStart.getTime() + 7 * 86_400_000);

    const calendar = listen(await tokenFor(clinician), windowStart, windowEnd);
    const strangers = listen(await tokenFor(stranger), windowStart, windowEnd);
    try {
      await waitForSubscriber(`solace:${practice.id}:appointmentChanged`);
      const token = await tokenFor(frontDesk);
      const inside = new Date(windowStart.getTime() + 86_400_000);
      const outside = new Date(windowEnd.getTime() + 86_400_000);
      const booked = await gql(stack.routerUrl, BOOK, { input: { clientId: client.id, clinicianId: clinician.id, startsAt: inside.toISOString(), endsAt: new Date(inside.getTime() + 50 * 60_000).toISOString() } }, token);
      expect(booked.errors).toBeUndefined();
      await gql(stack.routerUrl, BOOK, { input: { clientId: client.id, clinicianId: clinician.id, startsAt: outside.toISOString(), endsAt: new Date(outside.getTime() + 50 * 60_000).toISOString() } }, token);
      await gql(stack.routerUrl, 'mutation ($id: ID!) { cancelAppointment(id: $id) { id } }', { id: booked.data!.bookAppointment.id }, token);

      await expect.poll(() => calendar.events.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
      await new Promise((r) => setTimeout(r, 300));
      expect(calendar.events.map((event) => event.errors)).toEqual([undefined, undefined]);
      expect(calendar.events.map((event) => event.data.appointmentChanged)).toEqual([
        { id: booked.data!.bookAppointment.id, status: 'SCHEDULED', startsAt: inside.toISOString(), client: { firstName: 'Dana' } },
        { id: booked.data!.bookAppointment.id, status: 'CANCELLED', startsAt: inside.toISOString(), client: { firstName: 'Dana' } },
      ]);
      expect(strangers.events).toEqual([]);
    } finally {
      await calendar.close();
      await strangers.close();
    }
  });
});
