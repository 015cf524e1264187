// Compliance rules and alerts through the router: Georgia defaults created on first read, admins
// change them (validated, stable codes), every role sees the alerts it should — its own, its
// supervisees', the practice's — acknowledges them, and strangers get nothing.
import { createFieldCipher, createLogger, runInPracticeScope } from '@solace/server-kit';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { LocalMailboxProvider } from '../../workers/src/email/local-mailbox.provider';
import { runComplianceEngine } from '../../workers/src/compliance/compliance.engine';
import { ComplianceRepository } from '../../workers/src/compliance/compliance.repository';
import { createTestAppointment, createTestClient, createTestPractice, createTestStaff, testPrisma } from '../support/factories';
import { gql, tokenFor } from '../support/graphql-client';
import { startStack, type TestStack } from '../support/stack';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

const RULES = '{ complianceRules { noteReminderDay noteSupervisorAlertDay noteBillingHoldDay planReviewReminderDay planReviewAlertDay planOutOfComplianceDay safetyPlanRequired isGeorgiaDefault } }';
const UPDATE = 'mutation ($input: ComplianceRulesInput!) { updateComplianceRules(input: $input) { noteReminderDay noteSupervisorAlertDay noteBillingHoldDay isGeorgiaDefault } }';
const ALERTS = 'query ($scope: ComplianceAlertScope) { complianceAlerts(scope: $scope) { id kind severity status appointmentId daysLate daysOverdue client { id firstName } clinician { id } supervisor { id } } }';
const COUNT = '{ openComplianceAlertCount }';
const ACK = 'mutation ($id: ID!) { acknowledgeComplianceAlert(id: $id) { id status acknowledgedAt acknowledgedBy { id } } }';
const GEORGIA = { noteReminderDay: 5, noteSupervisorAlertDay: 7, noteBillingHoldDay: 14, planReviewReminderDay: 80, planReviewAlertDay: 90, planOutOfComplianceDay: 91, safetyPlanRequired: true };
const DAY = 86_400_000;

async function team() {
  const practice = await createTestPractice();
  const [admin, supervisor, associate, colleague, desk, billing] = await Promise.all([
    createTestStaff(practice, { roles: ['ADMIN'] }),
    createTestStaff(practice, { roles: ['SUPERVISOR'] }),
    createTestStaff(practice, { roles: ['CLINICIAN'] }),
    createTestStaff(practice, { roles: ['CLINICIAN'] }),
    createTestStaff(practice, { roles: ['FRONT_DESK'] }),
    createTestStaff(practice, { roles: ['BILLING'] }),
  ]);
  await testPrisma().supervisionLink.create({ data: { practiceId: practice.id, supervisorId: supervisor.id, superviseeId: associate.id } });
  const tokens = Object.fromEntries(await Promise.all(Object.entries({ admin, supervisor, associate, colleague, desk, billing }).map(async ([name, user]) => [name, await tokenFor(user)] as const)));
  return { practice, admin, supervisor, associate, colleague, tokens: tokens as Record<'admin' | 'supervisor' | 'associate' | 'colleague' | 'desk' | 'billing', string> };
}

/** Late sessions for the associate (8 days: overdue) and the colleague (6 days: reminder), then one engine run. */
async function withAlerts() {
  const t = await team();
  const client = await createTestClient(t.practice, { firstName: 'Robin' });
  const associateSession = await createTestAppointment(t.practice, client, t.associate, { startsAt: new Date(Date.now() - 8 * DAY), status: 'COMPLETED' });
  const colleagueSession = await createTestAppointment(t.practice, client, t.colleague, { startsAt: new Date(Date.now() - 6 * DAY), status: 'COMPLETED' });
  const log = createLogger('test');
  const deps = { compliance: new ComplianceRepository(testPrisma()), email: new LocalMailboxProvider(await mkdtemp(join(tmpdir(), 'solace-compliance-')), log), webUrl: 'https://solace.test', log };
  await runInPracticeScope(t.practice.id, () => runComplianceEngine(t.practice.id, new Date(), deps));
  return { ...t, client, associateSession, colleagueSession };
}

describe('compliance rules', () => {
  it('start as the Georgia defaults for every clinical role and billing', async () => {
    const t = await team();
    for (const token of [t.tokens.associate, t.tokens.supervisor, t.tokens.admin, t.tokens.billing]) {
      const result = await gql(stack.routerUrl, RULES, {}, token);
      expect(result.errors).toBeUndefined();
      expect(result.data!.complianceRules).toEqual({ ...GEORGIA, isGeorgiaDefault: true });
    }
  });

  it('are changed by admins only, for their own practice', async () => {
    const t = await team();
    const other = await team();
    const input = { ...GEORGIA, noteReminderDay: 3, noteSupervisorAlertDay: 5, noteBillingHoldDay: 10 };
    const changed = await gql(stack.routerUrl, UPDATE, { input }, t.tokens.admin);
    expect(changed.errors).toBeUndefined();
    expect(changed.data!.updateComplianceRules).toEqual({ noteReminderDay: 3, noteSupervisorAlertDay: 5, noteBillingHoldDay: 10, isGeorgiaDefault: false });
    expect((await gql(stack.routerUrl, RULES, {}, t.tokens.associate)).data!.complianceRules.noteBillingHoldDay).toBe(10);
    expect((await gql(stack.routerUrl, RULES, {}, other.tokens.admin)).data!.complianceRules).toEqual({ ...GEORGIA, isGeorgiaDefault: true });

    for (const token of [t.tokens.supervisor, t.tokens.associate, t.tokens.billing]) {
      expect((await gql(stack.routerUrl, UPDATE, { input: GEORGIA }, token)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    }
    expect((await gql(stack.routerUrl, RULES, {}, t.tokens.desk)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });

  it('refuse days out of order or not positive, with stable codes, and change nothing', async () => {
    const t = await team();
    const outOfOrder = await gql(stack.routerUrl, UPDATE, { input: { ...GEORGIA, noteSupervisorAlertDay: 14 } }, t.tokens.admin);
    expect(outOfOrder.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'COMPLIANCE_RULES_INVALID', problems: [{ field: 'noteBillingHoldDay', code: 'DAYS_OUT_OF_ORDER' }] });
    const zero = await gql(stack.routerUrl, UPDATE, { input: { ...GEORGIA, noteReminderDay: 0 } }, t.tokens.admin);
    expect(zero.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'noteReminderDay' }] });
    const planOrder = await gql(stack.routerUrl, UPDATE, { input: { ...GEORGIA, planReviewReminderDay: 95 } }, t.tokens.admin);
    expect(planOrder.errors![0]!.extensions!.problems).toEqual([expect.objectContaining({ field: 'planReviewAlertDay', code: 'DAYS_OUT_OF_ORDER' })]);
    expect((await gql(stack.routerUrl, RULES, {}, t.tokens.admin)).data!.complianceRules).toEqual({ ...GEORGIA, isGeorgiaDefault: true });
  });
});

describe('compliance alerts', () => {
  it('show each role what it should: the clinician theirs, the supervisor their team’s, the admin all', async () => {
    const t = await withAlerts();
    const mine = await gql(stack.routerUrl, ALERTS, {}, t.tokens.associate);
    expect(mine.errors).toBeUndefined();
    expect(mine.data!.complianceAlerts).toEqual([
      expect.objectContaining({ kind: 'NOTE_OVERDUE', severity: 'WARNING', status: 'OPEN', appointmentId: t.associateSession.id, daysLate: expect.any(Number), client: { id: t.client.id, firstName: 'Robin' }, clinician: { id: t.associate.id }, supervisor: { id: t.supervisor.id } }),
    ]);
    expect(mine.data!.complianceAlerts[0].daysLate).toBeGreaterThanOrEqual(7);
    expect(mine.data!.complianceAlerts[0].daysOverdue).toBeGreaterThanOrEqual(0);

    const teamView = await gql(stack.routerUrl, ALERTS, {}, t.tokens.supervisor);
    expect(teamView.data!.complianceAlerts.map((a: { appointmentId: string }) => a.appointmentId)).toEqual([t.associateSession.id]);
    const all = await gql(stack.routerUrl, ALERTS, {}, t.tokens.admin);
    expect(all.data!.complianceAlerts.map((a: { kind: string }) => a.kind).sort()).toEqual(['NOTE_OVERDUE', 'NOTE_OVERDUE_REMINDER']);
    expect((await gql(stack.routerUrl, COUNT, {}, t.tokens.admin)).data!.openComplianceAlertCount).toBe(2);
    expect((await gql(stack.routerUrl, COUNT, {}, t.tokens.colleague)).data!.openComplianceAlertCount).toBe(1);

    // Wider scopes than the role allows are refused.
    expect((await gql(stack.routerUrl, ALERTS, { scope: 'ALL' }, t.tokens.supervisor)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect((await gql(stack.routerUrl, ALERTS, { scope: 'TEAM' }, t.tokens.colleague)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    for (const token of [t.tokens.desk, t.tokens.billing]) {
      for (const query of [ALERTS, COUNT]) expect((await gql(stack.routerUrl, query, {}, token)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    }
    // Reading alerts about clients is audited.
    await vi.waitFor(async () => {
      const events = await testPrisma().auditEvent.findMany({ where: { practiceId: t.practice.id, entityType: 'ComplianceAlert', actorId: t.associate.id } });
      expect(events.length).toBeGreaterThan(0);
    });
  });

  it('are acknowledged by those who see them, and by nobody else', async () => {
    const t = await withAlerts();
    const alertId = (await gql(stack.routerUrl, ALERTS, {}, t.tokens.associate)).data!.complianceAlerts[0].id;
    expect((await gql(stack.routerUrl, ACK, { id: alertId }, t.tokens.colleague)).errors![0]!.extensions!.code).toBe('NOT_FOUND');
    expect((await gql(stack.routerUrl, ACK, { id: alertId }, t.tokens.desk)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const stranger = await team();
    expect((await gql(stack.routerUrl, ACK, { id: alertId }, stranger.tokens.admin)).errors![0]!.extensions!.code).toBe('NOT_FOUND');
    expect((await gql(stack.routerUrl, ALERTS, {}, stranger.tokens.admin)).data!.complianceAlerts).toEqual([]);

    const acked = await gql(stack.routerUrl, ACK, { id: alertId }, t.tokens.supervisor);
    expect(acked.errors).toBeUndefined();
    expect(acked.data!.acknowledgeComplianceAlert).toMatchObject({ id: alertId, status: 'ACKNOWLEDGED', acknowledgedBy: { id: t.supervisor.id } });
    expect((await gql(stack.routerUrl, COUNT, {}, t.tokens.associate)).data!.openComplianceAlertCount).toBe(0);

    await testPrisma().complianceAlert.update({ where: { id: alertId }, data: { status: 'RESOLVED', resolvedAt: new Date() } });
    expect((await gql(stack.routerUrl, ACK, { id: alertId }, t.tokens.associate)).errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALERT_RESOLVED' });
  });
});

describe('signing a late note (note signing API)', () => {
  it('resolves its alert at once and releases the billing hold', async () => {
    const t = await team();
    const client = await createTestClient(t.practice);
    const startsAt = new Date(Date.now() - 15 * DAY);
    const appointment = await createTestAppointment(t.practice, client, t.associate, { startsAt, status: 'COMPLETED' });
    const cipher = createFieldCipher();
    const note = await testPrisma().clinicalNote.create({
      data: {
        practiceId: t.practice.id,
        appointmentId: appointment.id,
        clientId: client.id,
        authorId: t.associate.id,
        serviceDate: startsAt,
        noteType: 'PROGRESS',
        diagnosisCodes: ['F41.1'],
        body: cipher.encrypt('Client reports better sleep.', 'ClinicalNote.body'),
        content: cipher.encrypt('{}', 'ClinicalNote.content'),
      },
    });
    const log = createLogger('test');
    const deps = { compliance: new ComplianceRepository(testPrisma()), email: new LocalMailboxProvider(await mkdtemp(join(tmpdir(), 'solace-compliance-')), log), webUrl: 'https://solace.test', log };
    await runInPracticeScope(t.practice.id, () => runComplianceEngine(t.practice.id, new Date(), deps));
    const [alert] = (await gql(stack.routerUrl, ALERTS, {}, t.tokens.associate)).data!.complianceAlerts;
    expect(alert).toMatchObject({ kind: 'NOTE_BILLING_HOLD', severity: 'CRITICAL' });
    const CHARGE = 'mutation ($id: ID!) { createCharge(appointmentId: $id, cptCode: "90837", amountCents: 15000) { id } }';
    expect((await gql(stack.routerUrl, CHARGE, { id: appointment.id }, t.tokens.billing)).errors![0]!.extensions).toMatchObject({ code: 'BILLING_HOLD', noteId: note.id });

    // A supervisee's signature would go to review first (still unsigned); without supervision it signs.
    await testPrisma().supervisionLink.updateMany({ where: { practiceId: t.practice.id }, data: { endedAt: new Date() } });
    const signed = await gql(stack.routerUrl, 'mutation ($id: ID!) { signNote(id: $id, attest: true) { id status } }', { id: note.id }, t.tokens.associate);
    expect(signed.errors).toBeUndefined();
    expect(signed.data!.signNote.status).toBe('SIGNED');
    await vi.waitFor(async () => expect(await testPrisma().complianceAlert.findFirst({ where: { id: alert.id } })).toMatchObject({ status: 'RESOLVED' }));
    expect((await gql(stack.routerUrl, CHARGE, { id: appointment.id }, t.tokens.billing)).errors).toBeUndefined();
  });
});
