// The compliance queue on real Redis: a practice job runs the engine as the services' database user
// (under row-level security, in the job's practice scope), and the hourly sweep is scheduled once.
import { createLogger, createPrismaClient } from '@solace/server-kit';
import { randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createTestAppointment, createTestClient, createTestPractice, createTestStaff } from '../../../test/support/factories';
import { LocalMailboxProvider } from '../email/local-mailbox.provider';
import { COMPLIANCE_SWEEP_EVERY_MS, createComplianceQueue, enqueuePracticeRun, scheduleComplianceSweeps } from './compliance.queue';
import { CompliancePracticesRepository, ComplianceRepository } from './compliance.repository';
import { startComplianceWorker } from './compliance.worker';

const owner = createPrismaClient(process.env.DATABASE_OWNER_URL!, { poolSize: 2 });
const app = createPrismaClient(process.env.DATABASE_URL!, { poolSize: 2 });
const log = createLogger('test');
const queue = createComplianceQueue(process.env.REDIS_URL!, `compliance-test-${randomUUID()}`);
afterAll(async () => {
  await queue.obliterate({ force: true });
  await queue.close();
  await owner.$disconnect();
  await app.$disconnect();
});

describe('the compliance worker', () => {
  it('runs a practice job in that practice’s scope, once per hour however often it is enqueued', async () => {
    const practice = await createTestPractice(owner, { timeZone: 'UTC' });
    const clinician = await createTestStaff(practice, {}, owner);
    const client = await createTestClient(practice, {}, owner);
    await createTestAppointment(practice, client, clinician, { startsAt: new Date('2030-06-01T10:00:00Z'), status: 'COMPLETED' }, owner);
    const now = new Date('2030-06-09T12:00:00Z');
    const worker = startComplianceWorker({
      redisUrl: process.env.REDIS_URL!,
      queueName: queue.name,
      queue,
      compliance: new ComplianceRepository(app),
      practices: new CompliancePracticesRepository(app),
      email: new LocalMailboxProvider(await mkdtemp(join(tmpdir(), 'solace-compliance-')), log),
      webUrl: 'https://solace.test',
      log,
      now: () => now,
    });
    try {
      await enqueuePracticeRun(queue, practice.id, now);
      await enqueuePracticeRun(queue, practice.id, new Date(now.getTime() + 60_000));
      const hour = Math.floor(now.getTime() / COMPLIANCE_SWEEP_EVERY_MS);
      await vi.waitFor(async () => expect((await queue.getJob(`practice-${practice.id}-${hour}`))?.returnvalue).toMatchObject({ created: 1 }), { timeout: 15_000, interval: 100 });
      expect(await owner.complianceAlert.count({ where: { practiceId: practice.id } })).toBe(1);
      expect(await queue.getJobCounts('completed', 'waiting', 'active')).toMatchObject({ completed: 1, waiting: 0, active: 0 });
    } finally {
      await worker.close();
    }
  });

  it('keeps a single hourly sweep however often the workers start', async () => {
    await scheduleComplianceSweeps(queue);
    await scheduleComplianceSweeps(queue);
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers).toHaveLength(1);
    expect(schedulers[0]).toMatchObject({ key: 'compliance-sweep', every: COMPLIANCE_SWEEP_EVERY_MS });
    await queue.removeJobScheduler('compliance-sweep');
  });
});
