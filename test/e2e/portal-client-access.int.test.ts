// What a signed-in client (CLIENT role) may do in the portal: list, read and write in their own
// message threads and follow them live — and nothing else: no other client's thread, no staff
// operation, nothing of another practice. Their messages read as theirs to staff.
import { createClient as createWsClient } from 'graphql-ws';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createTestAppointment, createTestClient, createTestPractice, createTestStaff, testPrisma } from '../support/factories';
import { gql, tokenFor } from '../support/graphql-client';
import { startStack, type TestStack } from '../support/stack';
import { waitForSubscriber } from '../support/subscribers';

let stack: TestStack;
const prisma = testPrisma();

beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

const codeOf = (r: { errors?: Array<{ extensions?: { code?: string } }> }) => r.errors?.[0]?.extensions?.code;

/** A client with a portal account and a token for it (sign-in itself is tested in client-sign-in). */
async function portalClient(practice: { id: string }, firstName = 'Dana') {
  const client = await createTestClient(practice, { firstName });
  const account = await prisma.clientAccount.create({ data: { practiceId: practice.id, clientId: client.id, email: `c-${randomUUID()}@client.test` } });
  const token = await tokenFor({ id: account.id, practiceId: practice.id, roles: ['CLIENT'], clientId: client.id });
  const thread = await prisma.thread.create({ data: { practiceId: practice.id, clientId: client.id, subject: `Between sessions ${firstName}` } });
  return { client, account, token, thread };
}

async function practiceWithTwoClients() {
  const practice = await createTestPractice();
  const clinician = await createTestStaff(practice, { displayName: 'Dr. Maya Patel' });
  const clinicianToken = await tokenFor({ ...clinician, roles: ['CLINICIAN'] });
  const dana = await portalClient(practice, 'Dana');
  const eli = await portalClient(practice, 'Eli');
  await prisma.message.create({ data: { practiceId: practice.id, threadId: eli.thread.id, senderId: clinician.id, body: 'secret' } });
  return { practice, clinician, clinicianToken, dana, eli };
}

function subscribe(token: string, threadId: string) {
  const ws = createWsClient({ url: stack.routerUrl.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
  const events: any[] = [];
  const outcome = new Promise<{ errors?: any[] }>((resolve) => {
    ws.subscribe(
      { query: 'subscription ($t: ID!) { messageAdded(threadId: $t) { id body senderKind } }', variables: { t: threadId } },
      { next: (event) => events.push(event), error: (errors) => resolve({ errors: errors as any[] }), complete: () => resolve({}) },
    );
  });
  return { ws, events, outcome };
}

describe('a client in the portal', () => {
  it('lists and reads only their own threads; another client\'s thread is not found', async () => {
    const { dana, eli } = await practiceWithTwoClients();
    const listed = await gql<{ threads: Array<{ id: string }> }>(stack.routerUrl, '{ threads { id subject } }', {}, dana.token);
    expect(listed.data!.threads.map((t) => t.id)).toEqual([dana.thread.id]);
    const own = await gql(stack.routerUrl, 'query ($id: ID!) { thread(id: $id) { id messages { id } } }', { id: dana.thread.id }, dana.token);
    expect(own.data).toEqual({ thread: { id: dana.thread.id, messages: [] } });

    expect(codeOf(await gql(stack.routerUrl, 'query ($id: ID!) { thread(id: $id) { id } }', { id: eli.thread.id }, dana.token))).toBe('NOT_FOUND');
    const eliMessage = await prisma.message.findFirstOrThrow({ where: { threadId: eli.thread.id } });
    const readOther = await gql(stack.routerUrl, 'query ($id: ID!) { message(id: $id) { id body } }', { id: eliMessage.id }, dana.token);
    expect(codeOf(readOther)).toBe('NOT_FOUND');
    expect(JSON.stringify(readOther)).not.toContain('secret');
    const sendOther = await gql(stack.routerUrl, 'mutation ($t: ID!) { sendMessage(threadId: $t, body: "hi") { id } }', { t: eli.thread.id }, dana.token);
    expect(codeOf(sendOther)).toBe('NOT_FOUND');
    expect(await prisma.message.count({ where: { threadId: eli.thread.id } })).toBe(1);
  });

  it('sends a message that staff see as the client\'s; the client sees staff by name only', async () => {
    const { clinician, clinicianToken, dana } = await practiceWithTwoClients();
    const fromStaff = await gql(stack.routerUrl, 'mutation ($t: ID!) { sendMessage(threadId: $t, body: "How was the week?") { id senderKind } }', { t: dana.thread.id }, clinicianToken);
    expect(fromStaff.data!.sendMessage.senderKind).toBe('STAFF');
    const sent = await gql(stack.routerUrl, 'mutation ($t: ID!) { sendMessage(threadId: $t, body: "Better, thanks") { id body senderKind sender { id } } }', { t: dana.thread.id }, dana.token);
    expect(sent.errors).toBeUndefined();
    expect(sent.data!.sendMessage).toMatchObject({ body: 'Better, thanks', senderKind: 'CLIENT', sender: null });

    const seenByStaff = await gql(
      stack.routerUrl,
      'query ($id: ID!) { thread(id: $id) { client { firstName } messages { body senderKind sender { displayName } } } }',
      { id: dana.thread.id },
      clinicianToken,
    );
    expect(seenByStaff.data!.thread).toEqual({
      client: { firstName: 'Dana' },
      messages: [
        { body: 'How was the week?', senderKind: 'STAFF', sender: { displayName: 'Dr. Maya Patel' } },
        { body: 'Better, thanks', senderKind: 'CLIENT', sender: null },
      ],
    });

    const seenByClient = await gql(stack.routerUrl, 'query ($id: ID!) { thread(id: $id) { messages { senderKind sender { id displayName } } } }', { id: dana.thread.id }, dana.token);
    expect(seenByClient.data!.thread.messages[0]).toEqual({ senderKind: 'STAFF', sender: { id: clinician.id, displayName: 'Dr. Maya Patel' } });
    const staffEmail = await gql(stack.routerUrl, 'query ($id: ID!) { thread(id: $id) { messages { sender { email roles } } } }', { id: dana.thread.id }, dana.token);
    expect(codeOf(staffEmail)).toBe('FORBIDDEN');
    expect(JSON.stringify(staffEmail)).not.toContain(clinician.email);
    // The client record itself is staff's: the portal does not open it.
    expect(codeOf(await gql(stack.routerUrl, 'query ($id: ID!) { thread(id: $id) { client { lastName } } }', { id: dana.thread.id }, dana.token))).toBe('FORBIDDEN');
  });

  it('follows their own thread live, and cannot subscribe to another client\'s', async () => {
    const { practice, clinicianToken, dana, eli } = await practiceWithTwoClients();
    const refused = subscribe(dana.token, eli.thread.id);
    try {
      const result = await refused.outcome;
      expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    } finally {
      await refused.ws.dispose();
    }

    const own = subscribe(dana.token, dana.thread.id);
    try {
      await waitForSubscriber(`solace:${practice.id}:messageAdded:${dana.thread.id}`);
      await gql(stack.routerUrl, 'mutation ($t: ID!) { sendMessage(threadId: $t, body: "On my way") { id } }', { t: dana.thread.id }, clinicianToken);
      await expect.poll(() => own.events.length, { timeout: 5000 }).toBe(1);
      expect(own.events[0].data).toMatchObject({ messageAdded: { body: 'On my way', senderKind: 'STAFF' } });
    } finally {
      await own.ws.dispose();
    }
  });

  it('is refused every staff operation', async () => {
    const { practice, clinician, dana } = await practiceWithTwoClients();
    const appointment = await createTestAppointment(practice, dana.client, clinician);
    const staffCalls: Array<[string, Record<string, unknown>]> = [
      ['query ($id: ID!) { client(id: $id) { id firstName } }', { id: dana.client.id }],
      ['{ clients { id } }', {}],
      ['query ($id: ID!) { appointment(id: $id) { id } }', { id: appointment.id }],
      ['query ($c: ID!) { charges(clientId: $c) { id } }', { c: dana.client.id }],
      ['mutation ($c: ID!) { startThread(clientId: $c, subject: "mine") { id } }', { c: dana.client.id }],
      ['{ me { id } }', {}],
      ['{ staffUsers { id } }', {}],
      ['{ currentPractice { id } }', {}],
      ['mutation ($c: ID!, $e: String!) { inviteClientToPortal(clientId: $c, email: $e) { id } }', { c: dana.client.id, e: 'x@client.test' }],
      ['mutation { revokeAllSessions }', {}],
      ['{ auditEvents { id } }', {}],
    ];
    for (const [query, variables] of staffCalls) {
      const result = await gql(stack.routerUrl, query, variables, dana.token);
      expect(codeOf(result), query).toBe('FORBIDDEN');
      expect(result.data ?? null, query).toBeNull();
    }
  });

  it("of another practice sees nothing of this one, even with this practice's client id", async () => {
    const { dana } = await practiceWithTwoClients();
    const elsewhere = await createTestPractice();
    const account = await prisma.clientAccount.create({ data: { practiceId: elsewhere.id, clientId: randomUUID(), email: `c-${randomUUID()}@client.test` } });
    const stranger = await tokenFor({ id: account.id, practiceId: elsewhere.id, roles: ['CLIENT'], clientId: dana.client.id });
    expect((await gql(stack.routerUrl, '{ threads { id } }', {}, stranger)).data).toEqual({ threads: [] });
    expect(codeOf(await gql(stack.routerUrl, 'query ($id: ID!) { thread(id: $id) { id } }', { id: dana.thread.id }, stranger))).toBe('NOT_FOUND');
    expect(codeOf(await gql(stack.routerUrl, 'mutation ($t: ID!) { sendMessage(threadId: $t, body: "hi") { id } }', { t: dana.thread.id }, stranger))).toBe('NOT_FOUND');
  });

  it('writes audit events for what the client reads and sends', async () => {
    const { practice, dana } = await practiceWithTwoClients();
    await gql(stack.routerUrl, 'query ($id: ID!) { thread(id: $id) { id } }', { id: dana.thread.id }, dana.token);
    const sent = await gql(stack.routerUrl, 'mutation ($t: ID!) { sendMessage(threadId: $t, body: "Noted") { id } }', { t: dana.thread.id }, dana.token);
    await expect
      .poll(() => prisma.auditEvent.findMany({ where: { practiceId: practice.id, actorId: dana.account.id }, select: { entityType: true, entityId: true, action: true } }), { timeout: 5000 })
      .toEqual(
        expect.arrayContaining([
          { entityType: 'Thread', entityId: dana.thread.id, action: 'READ' },
          { entityType: 'Message', entityId: sent.data!.sendMessage.id, action: 'CREATE' },
        ]),
      );
  });
});
