// The treatment-plan review and safety-plan rules on real PostgreSQL, moving the clock by passing
// `now`: review reminder on day 80, alert on day 90, out of compliance from day 91 (Georgia), a
// review resolving it; a client flagged at risk without a safety plan until one is written.
import { createLogger, createPrismaClient, runInPracticeScope } from '@solace/server-kit';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestClient, createTestPractice, createTestStaff } from '../../../test/support/factories';
import { LocalMailboxProvider } from '../email/local-mailbox.provider';
import { GEORGIA_COMPLIANCE_RULES } from './compliance-rules';
import { runComplianceEngine } from './compliance.engine';
import { ComplianceRepository } from './compliance.repository';

const owner = createPrismaClient(process.env.DATABASE_OWNER_URL!, { poolSize: 2 });
const app = createPrismaClient(process.env.DATABASE_URL!, { poolSize: 2 });
const log = createLogger('test');
afterAll(async () => {
  await owner.$disconnect();
  await app.$disconnect();
});

let mailbox = '';
async function engine() {
  mailbox = await mkdtemp(join(tmpdir(), 'solace-compliance-'));
  const deps = { compliance: new ComplianceRepository(app), email: new LocalMailboxProvider(mailbox, log), webUrl: 'https://solace.test', log };
  return (practiceId: string, now: Date) => runInPracticeScope(practiceId, () => runComplianceEngine(practiceId, now, deps));
}
/** What the last engine() has emailed so far. */
const mails = async () => Promise.all((await readdir(mailbox)).map((name) => readFile(join(mailbox, name), 'utf8')));
const to = (sent: string[], email: string) => sent.filter((mail) => mail.includes(`To: ${email}`));

async function clinic() {
  const practice = await createTestPractice(owner, { timeZone: 'America/Chicago' });
  const clinician = await createTestStaff(practice, { displayName: 'Sam Associate' }, owner);
  const supervisor = await createTestStaff(practice, { roles: ['SUPERVISOR'] }, owner);
  await owner.supervisionLink.create({ data: { practiceId: practice.id, supervisorId: supervisor.id, superviseeId: clinician.id } });
  const client = await createTestClient(practice, { firstName: 'Zelda' }, owner);
  return { practice, clinician, supervisor, client };
}

const alertsOf = (practiceId: string, rule: 'PLAN_REVIEW' | 'SAFETY_PLAN') => owner.complianceAlert.findMany({ where: { practiceId, rule }, orderBy: { createdAt: 'asc' } });

// Signed at 09:00 on Monday 7 January 2030 in Chicago (CST, UTC-6).
const SIGNED = new Date('2030-01-07T15:00:00Z');
const onDay = (day: number) => new Date(SIGNED.getTime() + day * 86_400_000 + 3 * 3600_000);

describe('the treatment-plan review rule (Georgia: reminder day 80, alert day 90, out of compliance from day 91)', () => {
  it('moves one alert through the stages and resolves it when the plan is reviewed', async () => {
    const { practice, clinician, supervisor, client } = await clinic();
    const plan = await owner.treatmentPlan.create({ data: { practiceId: practice.id, clientId: client.id, version: 1, status: 'ACTIVE', createdById: clinician.id, signedById: clinician.id, signedAt: SIGNED } });
    const run = await engine();

    await run(practice.id, onDay(79));
    expect(await alertsOf(practice.id, 'PLAN_REVIEW')).toEqual([]);
    await run(practice.id, onDay(80));
    await run(practice.id, onDay(80));
    let alerts = await alertsOf(practice.id, 'PLAN_REVIEW');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ kind: 'PLAN_REVIEW_DUE', severity: 'INFO', planId: plan.id, clientId: client.id, clinicianId: clinician.id, supervisorId: null });
    // The clinician hears of it once (two runs on day 80), with the review date and a link; no client name.
    let sent = await mails();
    expect(sent).toHaveLength(1);
    expect(to(sent, clinician.email)[0]).toContain('is due for review on Sunday 7 April 2030');
    expect(sent[0]).toContain(`https://solace.test/compliance?alert=${alerts[0]!.id}`);
    expect(sent[0]).not.toContain('Zelda');

    await run(practice.id, onDay(89));
    expect((await alertsOf(practice.id, 'PLAN_REVIEW'))[0]!.kind).toBe('PLAN_REVIEW_DUE');
    expect(await run(practice.id, onDay(90))).toMatchObject({ escalated: 1 });
    expect((await alertsOf(practice.id, 'PLAN_REVIEW'))[0]).toMatchObject({ kind: 'PLAN_REVIEW_OVERDUE', severity: 'WARNING', supervisorId: supervisor.id });
    // Escalated: the supervisor is told, once; the clinician already was.
    sent = await mails();
    expect(sent).toHaveLength(2);
    expect(to(sent, supervisor.email)[0]).toContain("A treatment plan of Sam Associate's was due for review on Sunday 7 April 2030");
    expect(await run(practice.id, onDay(91))).toMatchObject({ escalated: 1 });
    expect(await mails()).toHaveLength(2);
    alerts = await alertsOf(practice.id, 'PLAN_REVIEW');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ kind: 'PLAN_OUT_OF_COMPLIANCE', severity: 'CRITICAL', status: 'OPEN' });

    // Reviewed on day 92: the clock restarts from the review, and the alert resolves.
    await owner.treatmentPlan.update({ where: { id: plan.id }, data: { lastReviewedAt: onDay(92) } });
    expect(await run(practice.id, onDay(92))).toMatchObject({ resolved: 1 });
    expect((await alertsOf(practice.id, 'PLAN_REVIEW'))[0]).toMatchObject({ status: 'RESOLVED' });
    // …and the next review is due 80 days after it.
    await run(practice.id, onDay(92 + 79));
    expect(await alertsOf(practice.id, 'PLAN_REVIEW')).toHaveLength(1);
    await run(practice.id, onDay(92 + 80));
    expect((await alertsOf(practice.id, 'PLAN_REVIEW')).map((a) => a.status)).toEqual(['RESOLVED', 'OPEN']);
  });

  it('ignores drafts and plans no longer in force', async () => {
    const { practice, clinician, client } = await clinic();
    await owner.treatmentPlan.create({ data: { practiceId: practice.id, clientId: client.id, version: 1, status: 'COMPLETED', createdById: clinician.id, signedById: clinician.id, signedAt: SIGNED, endedAt: onDay(10) } });
    await owner.treatmentPlan.create({ data: { practiceId: practice.id, clientId: client.id, version: 2, status: 'DRAFT', createdById: clinician.id } });
    const run = await engine();
    await run(practice.id, onDay(120));
    expect(await alertsOf(practice.id, 'PLAN_REVIEW')).toEqual([]);
  });

  it('follows the practice’s own review days', async () => {
    const { practice, clinician, client } = await clinic();
    await owner.complianceRules.create({ data: { practiceId: practice.id, ...GEORGIA_COMPLIANCE_RULES, planReviewReminderDay: 20, planReviewAlertDay: 30, planOutOfComplianceDay: 31 } });
    await owner.treatmentPlan.create({ data: { practiceId: practice.id, clientId: client.id, version: 1, status: 'ACTIVE', createdById: clinician.id, signedById: clinician.id, signedAt: SIGNED } });
    const run = await engine();
    await run(practice.id, onDay(31));
    expect((await alertsOf(practice.id, 'PLAN_REVIEW')).map((a) => a.kind)).toEqual(['PLAN_OUT_OF_COMPLIANCE']);
  });
});

describe('the safety-plan rule', () => {
  it('raises a critical alert for a client flagged at risk without a safety plan, resolved once a plan exists', async () => {
    const { practice, clinician, supervisor, client } = await clinic();
    await owner.clientRiskFlag.create({ data: { practiceId: practice.id, clientId: client.id, level: 'HIGH', flaggedById: clinician.id, flaggedAt: SIGNED } });
    const run = await engine();
    await run(practice.id, onDay(0));
    await run(practice.id, onDay(1));
    const alerts = await alertsOf(practice.id, 'SAFETY_PLAN');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ kind: 'SAFETY_PLAN_MISSING', severity: 'CRITICAL', clientId: client.id, subjectId: client.id, clinicianId: clinician.id, supervisorId: supervisor.id });
    // Critical from the start: clinician and supervisor are each told once, without the client's name.
    const sent = await mails();
    expect(to(sent, clinician.email)).toHaveLength(1);
    expect(to(sent, clinician.email)[0]).toContain('A client you flagged at risk on Monday 7 January 2030 has no current safety plan');
    expect(to(sent, supervisor.email)).toHaveLength(1);
    expect(to(sent, supervisor.email)[0]).toContain('Safety plan missing: Sam Associate');
    expect(sent.join('\n')).not.toContain('Zelda');

    await owner.safetyPlan.create({ data: { practiceId: practice.id, clientId: client.id, version: 1, createdById: clinician.id } });
    expect(await run(practice.id, onDay(1))).toMatchObject({ resolved: 1 });
    expect((await alertsOf(practice.id, 'SAFETY_PLAN'))[0]).toMatchObject({ status: 'RESOLVED' });
  });

  it('raises nothing when the flag is cleared or the practice does not require safety plans', async () => {
    const cleared = await clinic();
    await owner.clientRiskFlag.create({ data: { practiceId: cleared.practice.id, clientId: cleared.client.id, level: 'LOW', flaggedById: cleared.clinician.id, flaggedAt: SIGNED, clearedAt: onDay(1), clearedById: cleared.clinician.id } });
    const optional = await clinic();
    await owner.complianceRules.create({ data: { practiceId: optional.practice.id, ...GEORGIA_COMPLIANCE_RULES, safetyPlanRequired: false } });
    await owner.clientRiskFlag.create({ data: { practiceId: optional.practice.id, clientId: optional.client.id, level: 'HIGH', flaggedById: optional.clinician.id, flaggedAt: SIGNED } });
    const run = await engine();
    for (const { practice } of [cleared, optional]) {
      await run(practice.id, onDay(3));
      expect(await alertsOf(practice.id, 'SAFETY_PLAN')).toEqual([]);
    }
  });
});
