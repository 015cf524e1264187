// The compliance engine on real PostgreSQL, moving the clock by passing `now`: the 7-day note rule
// across days 4, 5, 7 and 14, counted in the practice's time zone; one alert per session however
// often it runs; escalation to the supervisor; resolution once the note is signed; per-practice rules.
import { createLogger, createPrismaClient, runInPracticeScope } from '@solace/server-kit';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestAppointment, createTestClient, createTestPractice, createTestStaff } from '../../../test/support/factories';
import { LocalMailboxProvider } from '../email/local-mailbox.provider';
import { GEORGIA_COMPLIANCE_RULES } from './compliance-rules';
import { runComplianceEngine } from './compliance.engine';
import { ComplianceRepository } from './compliance.repository';

// Setup acts as the tables' owner; the engine runs as the services do (solace_app, under RLS).
const owner = createPrismaClient(process.env.DATABASE_OWNER_URL!, { poolSize: 2 });
const app = createPrismaClient(process.env.DATABASE_URL!, { poolSize: 2 });
const log = createLogger('test');
afterAll(async () => {
  await owner.$disconnect();
  await app.$disconnect();
});

async function engine() {
  const dir = await mkdtemp(join(tmpdir(), 'solace-compliance-'));
  const deps = { compliance: new ComplianceRepository(app), email: new LocalMailboxProvider(dir, log), webUrl: 'https://solace.test', log };
  const mails = async () => Promise.all((await readdir(dir)).map((name) => readFile(join(dir, name), 'utf8')));
  return { run: (practiceId: string, now: Date) => runInPracticeScope(practiceId, () => runComplianceEngine(practiceId, now, deps)), mails };
}

/** A practice in New York with a supervisee clinician, their supervisor and a completed session. */
async function lateSession(startsAt: Date, status: 'COMPLETED' | 'CHECKED_IN' | 'CANCELLED' | 'NO_SHOW' = 'COMPLETED') {
  const practice = await createTestPractice(owner, { timeZone: 'America/New_York' });
  const clinician = await createTestStaff(practice, { displayName: 'Sam Associate' }, owner);
  const supervisor = await createTestStaff(practice, { displayName: 'Dr. Supervisor', roles: ['SUPERVISOR'] }, owner);
  await owner.supervisionLink.create({ data: { practiceId: practice.id, supervisorId: supervisor.id, superviseeId: clinician.id } });
  const client = await createTestClient(practice, { firstName: 'Zelda' }, owner);
  const appointment = await createTestAppointment(practice, client, clinician, { startsAt, status }, owner);
  return { practice, clinician, supervisor, client, appointment };
}

const alertsOf = (practiceId: string) => owner.complianceAlert.findMany({ where: { practiceId }, orderBy: { createdAt: 'asc' } });

// Monday 4 March 2030, 10:00 in New York (EST, UTC-5).
const SESSION = new Date('2030-03-04T15:00:00Z');
const localNoonOnDay = (day: number) => new Date(SESSION.getTime() + day * 86_400_000 + 2 * 3600_000);

describe('the note rule (Georgia defaults: reminder day 5, supervisor day 7, billing hold day 14)', () => {
  it('reminds on day 5, escalates on day 7, holds billing on day 14 — one alert throughout — and resolves once signed', async () => {
    const { practice, clinician, supervisor, appointment } = await lateSession(SESSION);
    const { run, mails } = await engine();

    expect(await run(practice.id, localNoonOnDay(4))).toMatchObject({ created: 0 });
    expect(await alertsOf(practice.id)).toEqual([]);

    expect(await run(practice.id, localNoonOnDay(5))).toMatchObject({ created: 1, emailed: 1 });
    expect(await run(practice.id, localNoonOnDay(5))).toEqual({ created: 0, escalated: 0, resolved: 0, emailed: 0 });
    let [alert] = await alertsOf(practice.id);
    expect(alert).toMatchObject({ rule: 'NOTE_DOCUMENTATION', kind: 'NOTE_OVERDUE_REMINDER', severity: 'INFO', status: 'OPEN', appointmentId: appointment.id, clinicianId: clinician.id, supervisorId: null });
    // Due at the start of day 7 in New York.
    expect(alert!.dueAt.toISOString()).toBe('2030-03-11T04:00:00.000Z');
    let sent = await mails();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain(`To: ${clinician.email}`);
    expect(sent[0]).toContain('Monday 4 March 2030');
    expect(sent[0]).toContain(`https://solace.test/compliance?alert=${alert!.id}`);
    expect(sent[0]).not.toContain('Zelda'); // minimum necessary: no client name

    // The clinician acknowledges; escalation on day 7 re-opens it for the supervisor.
    await owner.complianceAlert.update({ where: { id: alert!.id }, data: { status: 'ACKNOWLEDGED', acknowledgedAt: new Date(), acknowledgedById: clinician.id } });
    expect(await run(practice.id, localNoonOnDay(6))).toMatchObject({ created: 0, escalated: 0 });
    expect(await run(practice.id, localNoonOnDay(7))).toMatchObject({ created: 0, escalated: 1, emailed: 1 });
    [alert] = await alertsOf(practice.id);
    expect(alert).toMatchObject({ kind: 'NOTE_OVERDUE', severity: 'WARNING', status: 'OPEN', supervisorId: supervisor.id, acknowledgedAt: null });
    expect(alert!.escalatedAt).toEqual(localNoonOnDay(7));
    sent = await mails();
    const toSupervisor = sent.find((m) => m.includes(`To: ${supervisor.email}`));
    expect(toSupervisor).toContain("Sam Associate's note for the session on Monday 4 March 2030 is overdue");
    expect(toSupervisor).not.toContain('Zelda');

    expect(await run(practice.id, localNoonOnDay(13))).toMatchObject({ escalated: 0 });
    expect(await run(practice.id, localNoonOnDay(14))).toMatchObject({ escalated: 1, emailed: 0 });
    [alert] = await alertsOf(practice.id);
    expect(alert).toMatchObject({ kind: 'NOTE_BILLING_HOLD', severity: 'CRITICAL', supervisorId: supervisor.id });
    expect(alert!.escalatedAt).toEqual(localNoonOnDay(7)); // the first escalation is kept

    // A draft does not stop the clock; signing does.
    const note = await owner.clinicalNote.create({ data: { practiceId: practice.id, appointmentId: appointment.id, clientId: appointment.clientId, authorId: clinician.id, serviceDate: SESSION } });
    expect(await run(practice.id, localNoonOnDay(15))).toMatchObject({ resolved: 0 });
    expect((await alertsOf(practice.id))[0]!.noteId).toBe(note.id);
    await owner.clinicalNote.update({ where: { id: note.id }, data: { status: 'SIGNED', signedAt: localNoonOnDay(15), signedById: clinician.id } });
    expect(await run(practice.id, localNoonOnDay(15))).toMatchObject({ resolved: 1, created: 0 });
    const all = await alertsOf(practice.id);
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ status: 'RESOLVED', resolvedAt: localNoonOnDay(15) });
    expect(await run(practice.id, localNoonOnDay(16))).toEqual({ created: 0, escalated: 0, resolved: 0, emailed: 0 });
  });

  it('counts calendar days in the practice’s time zone, not in UTC', async () => {
    // 23:30 on Monday 4 March in New York is already Tuesday in UTC.
    const { practice } = await lateSession(new Date('2030-03-05T04:30:00Z'));
    const { run } = await engine();
    // 23:00 on Friday 8 March in New York (day 4 there, day 5 in UTC): nothing yet.
    expect(await run(practice.id, new Date('2030-03-09T04:00:00Z'))).toMatchObject({ created: 0 });
    // 00:30 on Saturday 9 March in New York: day 5.
    expect(await run(practice.id, new Date('2030-03-09T05:30:00Z'))).toMatchObject({ created: 1 });
  });

  it('needs no note for cancelled or no-show visits, and counts checked-in ones', async () => {
    const cancelled = await lateSession(SESSION, 'CANCELLED');
    const noShow = await lateSession(SESSION, 'NO_SHOW');
    const checkedIn = await lateSession(SESSION, 'CHECKED_IN');
    const { run } = await engine();
    for (const { practice } of [cancelled, noShow]) expect(await run(practice.id, localNoonOnDay(20))).toMatchObject({ created: 0 });
    expect(await run(checkedIn.practice.id, localNoonOnDay(20))).toMatchObject({ created: 1 });
    expect((await alertsOf(checkedIn.practice.id))[0]).toMatchObject({ kind: 'NOTE_BILLING_HOLD' });
  });

  it('resolves the alert when the visit is later marked a no-show', async () => {
    const { practice, appointment } = await lateSession(SESSION);
    const { run } = await engine();
    await run(practice.id, localNoonOnDay(8));
    await owner.appointment.update({ where: { id: appointment.id }, data: { status: 'NO_SHOW' } });
    expect(await run(practice.id, localNoonOnDay(8))).toMatchObject({ resolved: 1 });
  });

  it('applies each practice’s own day counts and leaves other practices’ rules alone', async () => {
    const strict = await lateSession(SESSION);
    const georgia = await lateSession(SESSION);
    await owner.complianceRules.create({ data: { practiceId: strict.practice.id, ...GEORGIA_COMPLIANCE_RULES, noteReminderDay: 2, noteSupervisorAlertDay: 3, noteBillingHoldDay: 4 } });
    const { run } = await engine();
    await run(strict.practice.id, localNoonOnDay(3));
    await run(georgia.practice.id, localNoonOnDay(3));
    expect((await alertsOf(strict.practice.id)).map((a) => a.kind)).toEqual(['NOTE_OVERDUE']);
    expect(await alertsOf(georgia.practice.id)).toEqual([]);
    // Georgia's practice got the defaults stored on first read; the strict one kept its own.
    expect(await owner.complianceRules.findFirst({ where: { practiceId: georgia.practice.id } })).toMatchObject(GEORGIA_COMPLIANCE_RULES);
    expect(await owner.complianceRules.findFirst({ where: { practiceId: strict.practice.id } })).toMatchObject({ noteReminderDay: 2, noteBillingHoldDay: 4 });
  });

  it('sees only its own practice under row-level security', async () => {
    const mine = await lateSession(SESSION);
    const other = await lateSession(SESSION);
    const { run } = await engine();
    await run(mine.practice.id, localNoonOnDay(5));
    expect(await alertsOf(mine.practice.id)).toHaveLength(1);
    expect(await alertsOf(other.practice.id)).toEqual([]);
    // The engine's repository, in one practice's scope, cannot see the other's alerts.
    const repo = new ComplianceRepository(app);
    expect(await runInPracticeScope(other.practice.id, () => repo.unresolvedAlerts(mine.practice.id, 'NOTE_DOCUMENTATION'))).toEqual([]);
  });
});
