// End to end through the router: sign in, create a client, book, read fields owned by five
// subgraphs in one operation, refuse an overlapping booking, and receive a message live over
// graphql-ws with fields from other subgraphs.
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createRemindersQueue, reminderJobId } from '@solace/workers';
import { createTestClient, createTestPractice, createTestStaff, TEST_PASSWORD } from '../support/factories';
import { gql } from '../support/graphql-client';
import { startStack, type TestStack } from '../support/stack';
import { waitForSubscriber } from '../support/subscribers';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

async function signIn(email: string, password = TEST_PASSWORD): Promise<string> {
  const result = await gql<{ login: { accessToken: string } }>(
    stack.routerUrl,
    'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken user { id displayName } } }',
    { email, password },
  );
  expect(result.errors).toBeUndefined();
  return result.data!.login.accessToken;
}

describe('walking skeleton through the router', () => {
  it('books a visit and reads it across subgraphs, refuses an overlap, and pushes a message live', async () => {
    const practice = await createTestPractice();
    const clinician = await createTestStaff(practice, { roles: ['CLINICIAN'], displayName: 'Dr. Maya Patel' });
    const token = await signIn(clinician.email);

    const created = await gql<{ createClient: { id: string } }>(
      stack.routerUrl,
      'mutation ($input: CreateClientInput!) { createClient(input: $input) { id firstName } }',
      { input: { firstName: 'Dana', lastName: 'Reyes', dateOfBirth: '1991-02-03', email: 'dana@example.test' } },
      token,
    );
    expect(created.errors).toBeUndefined();
    const clientId = created.data!.createClient.id;

    const startsAt = new Date(Date.now() + 7 * 86_400_000);
    startsAt.setUTCHours(15, 0, 0, 0);
    const endsAt = new Date(startsAt.getTime() + 50 * 60_000);
    const booked = await gql<{ bookAppointment: { id: string; status: string } }>(
      stack.routerUrl,
      'mutation ($input: BookAppointmentInput!) { bookAppointment(input: $input) { id status } }',
      { input: { clientId, startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() } },
      token,
    );
    expect(booked.errors).toBeUndefined();
    const appointmentId = booked.data!.bookAppointment.id;

    const note = await gql(stack.routerUrl, 'mutation ($id: ID!) { createDraftNote(appointmentId: $id, body: "Intake") { id status } }', { id: appointmentId }, token);
    expect(note.errors).toBeUndefined();

    // appointments + patients + billing + identity + notes in one operation.
    const read = await gql<{ appointment: any }>(
      stack.routerUrl,
      `query ($id: ID!) { appointment(id: $id) {
         id status startsAt
         client { firstName lastName balanceCents }
         clinician { displayName practice { name } }
         note { status body }
       } }`,
      { id: appointmentId },
      token,
    );
    expect(read.errors).toBeUndefined();
    expect(read.data!.appointment).toEqual({
      id: appointmentId,
      status: 'SCHEDULED',
      startsAt: startsAt.toISOString(),
      client: { firstName: 'Dana', lastName: 'Reyes', balanceCents: 0 },
      clinician: { displayName: 'Dr. Maya Patel', practice: { name: practice.name } },
      note: { status: 'DRAFT', body: 'Intake' },
    });

    const overlapping = await gql(
      stack.routerUrl,
      'mutation ($input: BookAppointmentInput!) { bookAppointment(input: $input) { id } }',
      // Another client (with consent on file) at an overlapping time: the clinician is taken.
      { input: { clientId: (await createTestClient(practice)).id, startsAt: new Date(startsAt.getTime() + 20 * 60_000).toISOString(), endsAt: new Date(endsAt.getTime() + 20 * 60_000).toISOString() } },
      token,
    );
    expect(overlapping.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(overlapping.errors?.[0]?.extensions?.reason).toBe('CLINICIAN_OVERLAP');

    const thread = await gql<{ startThread: { id: string } }>(
      stack.routerUrl,
      'mutation ($clientId: ID!) { startThread(clientId: $clientId, subject: "Between sessions") { id } }',
      { clientId },
      token,
    );
    expect(thread.errors).toBeUndefined();
    const threadId = thread.data!.startThread.id;

    const ws: WsClient = createWsClient({
      url: stack.routerUrl.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      retryAttempts: 0,
    });
    try {
      const received = new Promise<any>((resolve, reject) => {
        ws.subscribe(
          {
            query: `subscription ($threadId: ID!) { added: messageAdded(threadId: $threadId) {
              body sender { displayName } thread { id client { firstName } } } }`,
            variables: { threadId },
          },
          { next: resolve, error: reject, complete: () => reject(new Error('completed before any event')) },
        );
      });
      await waitForSubscriber(`solace:${practice.id}:messageAdded:${threadId}`);

      const sent = await gql(stack.routerUrl, 'mutation ($threadId: ID!) { sendMessage(threadId: $threadId, body: "See you Tuesday") { id } }', { threadId }, token);
      expect(sent.errors).toBeUndefined();

      const event = await received;
      expect(event.errors).toBeUndefined();
      expect(event.data).toEqual({
        added: { body: 'See you Tuesday', sender: { displayName: 'Dr. Maya Patel' }, thread: { id: threadId, client: { firstName: 'Dana' } } },
      });
    } finally {
      await ws.dispose();
    }
  });

  it("never shows one practice's client to another practice", async () => {
    const practiceA = await createTestPractice();
    const practiceB = await createTestPractice();
    const clinicianA = await createTestStaff(practiceA);
    const clinicianB = await createTestStaff(practiceB);
    const tokenA = await signIn(clinicianA.email);
    const tokenB = await signIn(clinicianB.email);
    const created = await gql<{ createClient: { id: string } }>(
      stack.routerUrl,
      'mutation ($input: CreateClientInput!) { createClient(input: $input) { id } }',
      { input: { firstName: 'Private', lastName: 'Person', dateOfBirth: '1980-01-01' } },
      tokenA,
    );
    const clientId = created.data!.createClient.id;

    const stranger = await gql(stack.routerUrl, 'query ($id: ID!) { client(id: $id) { firstName } }', { id: clientId }, tokenB);
    expect(stranger.data).toBeNull();
    expect(stranger.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const list = await gql<{ clients: Array<{ id: string }> }>(stack.routerUrl, '{ clients { id } }', {}, tokenB);
    expect(list.data!.clients.map((c) => c.id)).not.toContain(clientId);
  });

  it('refuses anonymous, forged and expired callers with stable codes', async () => {
    const anonymous = await gql(stack.routerUrl, '{ clients { id } }');
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const forged = await gql(stack.routerUrl, '{ me { id } }', {}, 'not-a-real-token');
    expect(forged.status).toBe(401);
    expect(forged.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const wrongPassword = await gql(stack.routerUrl, 'mutation ($e: String!) { login(email: $e, password: "wrong") { accessToken } }', { e: `nobody-${Date.now()}@example.test` });
    expect(wrongPassword.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('schedules reminder jobs when a visit is booked, moves them on reschedule and removes them on cancel', async () => {
    const practice = await createTestPractice();
    const clinician = await createTestStaff(practice);
    const client = await createTestClient(practice);
    const token = await signIn(clinician.email);
    const startsAt = new Date(Date.now() + 5 * 86_400_000);
    const booked = await gql<{ bookAppointment: { id: string } }>(
      stack.routerUrl,
      'mutation ($input: BookAppointmentInput!) { bookAppointment(input: $input) { id } }',
      { input: { clientId: client.id, startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 3_000_000).toISOString() } },
      token,
    );
    const id = booked.data!.bookAppointment.id;
    const queue = createRemindersQueue(process.env.REDIS_URL!);
    try {
      const job48 = await queue.getJob(reminderJobId(id, 2880, 'EMAIL'));
      expect(job48?.data).toMatchObject({ appointmentId: id, practiceId: practice.id, startsAt: startsAt.toISOString() });
      expect(await queue.getJob(reminderJobId(id, 120, 'EMAIL'))).toBeDefined();

      const later = new Date(startsAt.getTime() + 86_400_000);
      const moved = await gql(stack.routerUrl, 'mutation ($id: ID!, $s: DateTimeISO!, $e: DateTimeISO!) { rescheduleAppointment(id: $id, startsAt: $s, endsAt: $e) { id } }', { id, s: later.toISOString(), e: new Date(later.getTime() + 3_000_000).toISOString() }, token);
      expect(moved.errors).toBeUndefined();
      expect((await queue.getJob(reminderJobId(id, 2880, 'EMAIL')))?.data.startsAt).toBe(later.toISOString());

      const cancelled = await gql(stack.routerUrl, 'mutation ($id: ID!) { cancelAppointment(id: $id) { status } }', { id }, token);
      expect(cancelled.data).toEqual({ cancelAppointment: { status: 'CANCELLED' } });
      expect(await queue.getJob(reminderJobId(id, 2880, 'EMAIL'))).toBeUndefined();
      expect(await queue.getJob(reminderJobId(id, 120, 'EMAIL'))).toBeUndefined();
    } finally {
      await queue.close();
    }
  });
});
