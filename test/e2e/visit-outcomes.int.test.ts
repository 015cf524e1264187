// A visit's outcome flows to billing and analytics: completing an appointment allows exactly one
// charge (shown in Client.balanceCents) and pushes fresh practice metrics to a live subscriber.
import { createClient as createWsClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createTestAppointment, createTestClient, createTestPractice, createTestStaff } from '../support/factories';
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

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3600_000);

describe('visit outcomes', () => {
  it('charges only a completed visit, once, and shows it in the client balance', async () => {
    const practice = await createTestPractice();
    const clinician = await createTestStaff(practice);
    const client = await createTestClient(practice);
    const appointment = await createTestAppointment(practice, client, clinician, { startsAt: hoursAgo(3) });
    const token = await tokenFor(clinician);
    const charge = `mutation ($id: ID!) { createCharge(appointmentId: $id, cptCode: "90837", amountCents: 15000) { id amountCents } }`;

    const early = await gql(stack.routerUrl, charge, { id: appointment.id }, token);
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'APPOINTMENT_NOT_COMPLETED' });

    const completed = await gql(stack.routerUrl, 'mutation ($id: ID!) { setAppointmentStatus(id: $id, status: COMPLETED) { status } }', { id: appointment.id }, token);
    expect(completed.data).toEqual({ setAppointmentStatus: { status: 'COMPLETED' } });

    expect((await gql(stack.routerUrl, charge, { id: appointment.id }, token)).data).toMatchObject({ createCharge: { amountCents: 15000 } });
    const twice = await gql(stack.routerUrl, charge, { id: appointment.id }, token);
    expect(twice.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_CHARGED' });

    const balance = await gql(stack.routerUrl, 'query ($id: ID!) { client(id: $id) { balanceCents } }', { id: client.id }, token);
    expect(balance.data).toEqual({ client: { balanceCents: 15000 } });

    const invalid = await gql(stack.routerUrl, 'mutation ($id: ID!) { createCharge(appointmentId: $id, cptCode: "9A", amountCents: -5) { id } }', { id: appointment.id }, token);
    expect(invalid.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('computes kept-visit and no-show rates in SQL and pushes them when a status changes', async () => {
    const practice = await createTestPractice();
    const clinician = await createTestStaff(practice, { roles: ['CLINICIAN', 'ADMIN'] });
    const client = await createTestClient(practice);
    const visits = [];
    for (const [i, status] of (['COMPLETED', 'COMPLETED', 'NO_SHOW', 'CANCELLED', 'SCHEDULED'] as const).entries()) {
      visits.push(await createTestAppointment(practice, client, clinician, { startsAt: hoursAgo(30 - i * 2), status }));
    }
    const token = await tokenFor(clinician);
    const period = { from: hoursAgo(48).toISOString(), to: new Date(Date.now() + 3600_000).toISOString() };
    const metricsQuery = 'query ($from: DateTimeISO!, $to: DateTimeISO!) { practiceMetrics(from: $from, to: $to) { scheduledCount completedCount noShowCount keptVisitRate noShowRate } }';

    const before = await gql(stack.routerUrl, metricsQuery, period, token);
    expect(before.data).toEqual({ practiceMetrics: { scheduledCount: 5, completedCount: 2, noShowCount: 1, keptVisitRate: 0.4, noShowRate: 0.2 } });

    const ws = createWsClient({ url: stack.routerUrl.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
    try {
      const pushed = new Promise<any>((resolve, reject) => {
        ws.subscribe(
          {
            query: 'subscription ($from: DateTimeISO!, $to: DateTimeISO!) { practiceMetricsUpdated(from: $from, to: $to) { completedCount keptVisitRate } }',
            variables: period,
          },
          { next: resolve, error: reject, complete: () => reject(new Error('completed early')) },
        );
      });
      await waitForSubscriber(`solace:${practice.id}:practiceMetricsUpdated`);

      const marked = await gql(stack.routerUrl, 'mutation ($id: ID!) { setAppointmentStatus(id: $id, status: COMPLETED) { status } }', { id: visits[4]!.id }, token);
      expect(marked.errors).toBeUndefined();
      expect((await pushed).data).toEqual({ practiceMetricsUpdated: { completedCount: 3, keptVisitRate: 0.6 } });
    } finally {
      await ws.dispose();
    }
  });

  it('refuses metrics to a role that may not see them and subscriptions without a token', async () => {
    const practice = await createTestPractice();
    const frontDesk = await createTestStaff(practice, { roles: ['FRONT_DESK'] });
    const token = await tokenFor(frontDesk);
    const period = { from: hoursAgo(48).toISOString(), to: hoursAgo(1).toISOString() };
    const refused = await gql(stack.routerUrl, 'query ($from: DateTimeISO!, $to: DateTimeISO!) { practiceMetrics(from: $from, to: $to) { scheduledCount } }', period, token);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const anonymous = createWsClient({ url: stack.routerUrl.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0, lazy: false });
    const closed = await new Promise<number>((resolve) => anonymous.on('closed', (event) => resolve((event as { code: number }).code)));
    expect(closed).toBe(4403);
    await anonymous.dispose();
  });
});
