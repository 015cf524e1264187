// Data-subject erasure: contact details, portal access and future visits go; what clinical-records
// retention requires stays (README, "Data subject requests").
import { createLogger, createPrismaClient, createRedis, isSessionAlive, startSessionLiveness } from '@solace/server-kit';
import { createRemindersQueue } from '@solace/workers';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClientErasureRepository } from '../../workers/src/client-erasure/client-erasure.repository';
import { startClientErasureWorker } from '../../workers/src/client-erasure/client-erasure.worker';
import { createTestAppointment, createTestClient, createTestPractice, createTestStaff, testPrisma } from '../support/factories';
import { gql, tokenFor } from '../support/graphql-client';
import { startStack, type TestStack } from '../support/stack';

let stack: TestStack;
let worker: ReturnType<typeof startClientErasureWorker>;
const redis = createRedis(process.env.REDIS_URL!);
// The worker connects as the services do (solace_app, under row-level security).
const appPrisma = createPrismaClient(process.env.DATABASE_URL!, { poolSize: 2 });
const reminders = createRemindersQueue(process.env.REDIS_URL!, `reminders-erasure-test-${randomUUID()}`);

beforeAll(async () => {
  stack = await startStack();
  worker = startClientErasureWorker({ redisUrl: process.env.REDIS_URL!, erasure: new ClientErasureRepository(appPrisma), redis, reminders, log: createLogger('test') });
});
afterAll(async () => {
  await worker?.close();
  await reminders.obliterate({ force: true });
  await reminders.close();
  await stack?.stop();
  await appPrisma.$disconnect();
  redis.disconnect();
});

const ERASE = 'mutation ($clientId: ID!) { eraseClient(clientId: $clientId) { clientId erasedAt } }';
const codes = (r: { errors?: Array<{ extensions?: { code?: string } }> }) => (r.errors ?? []).map((e) => e.extensions?.code);

async function clientWithPortalAndVisits() {
  const prisma = testPrisma();
  const practice = await createTestPractice();
  const admin = await createTestStaff(practice, { roles: ['ADMIN'] });
  const clinician = await createTestStaff(practice, { roles: ['CLINICIAN'] });
  const client = await createTestClient(practice, { firstName: 'Dana' });
  await prisma.client.update({ where: { id: client.id }, data: { phone: '+1 555 0100' } });
  const past = await createTestAppointment(practice, client, clinician, { startsAt: new Date(Date.now() - 7 * 86_400_000), status: 'COMPLETED' });
  const future = await createTestAppointment(practice, client, clinician, { startsAt: new Date(Date.now() + 7 * 86_400_000) });
  const note = await prisma.clinicalNote.create({ data: { practiceId: practice.id, appointmentId: past.id, clientId: past.clientId, serviceDate: past.startsAt, authorId: clinician.id, body: 'retained' } });
  const account = await prisma.clientAccount.create({ data: { practiceId: practice.id, clientId: client.id, email: client.email! } });
  const session = await prisma.authSession.create({
    data: { practiceId: practice.id, userId: account.id, subject: 'CLIENT', expiresAt: new Date(Date.now() + 86_400_000) },
  });
  await startSessionLiveness(redis, session.id);
  const service = await prisma.service.create({ data: { practiceId: practice.id, name: 'Therapy', durationMinutes: 50, priceCents: 100 } });
  const waiting = await prisma.waitlistEntry.create({ data: { practiceId: practice.id, clientId: client.id, serviceId: service.id } });
  return { practice, admin, client, past, future, note, account, session, waiting, adminToken: await tokenFor(admin) };
}

async function until(check: () => Promise<boolean>) {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the erasure job did not finish');
}

describe('eraseClient', () => {
  it('removes contact details, portal access, future visits and waitlist places, and keeps the clinical record', async () => {
    const c = await clientWithPortalAndVisits();
    const prisma = testPrisma();
    // The client once texted STOP: the history of it keeps the number until the erasure.
    await prisma.smsConsentEvent.create({ data: { practiceId: c.practice.id, clientId: c.client.id, phone: '+15555550199', optedIn: false, source: 'INBOUND_KEYWORD', keyword: 'STOP' } });
    const erased = await gql(stack.routerUrl, ERASE, { clientId: c.client.id }, c.adminToken);
    expect(erased.errors).toBeUndefined();
    expect(erased.data!.eraseClient.clientId).toBe(c.client.id);

    const record = await prisma.client.findFirstOrThrow({ where: { id: c.client.id } });
    expect(record).toMatchObject({ firstName: 'Dana', lastName: c.client.lastName, email: null, phone: null, status: 'DISCHARGED' });
    expect(record.erasedAt).not.toBeNull();
    expect(await prisma.smsConsentEvent.findMany({ where: { clientId: c.client.id }, select: { phone: true, optedIn: true } })).toEqual([{ phone: null, optedIn: false }]);

    await until(async () => (await prisma.clientAccount.count({ where: { id: c.account.id } })) === 0);
    expect((await prisma.authSession.findFirstOrThrow({ where: { id: c.session.id } })).endReason).toBe('CLIENT_ERASED');
    expect(await isSessionAlive(redis, c.session.id)).toBe(false);
    await until(async () => (await prisma.appointment.findFirstOrThrow({ where: { id: c.future.id } })).status === 'CANCELLED');
    expect((await prisma.appointment.findFirstOrThrow({ where: { id: c.past.id } })).status).toBe('COMPLETED');
    await until(async () => (await prisma.waitlistEntry.findFirstOrThrow({ where: { id: c.waiting.id } })).status === 'REMOVED');
    expect(await prisma.clinicalNote.count({ where: { id: c.note.id } })).toBe(1);

    const audit = await prisma.auditEvent.findMany({ where: { practiceId: c.practice.id, action: 'DELETE', entityId: c.client.id }, select: { entityType: true, actorId: true } });
    expect(audit).toEqual([{ entityType: 'Client', actorId: c.admin.id }]);

    // Asking again changes nothing and reports the first erasure.
    const again = await gql(stack.routerUrl, ERASE, { clientId: c.client.id }, c.adminToken);
    expect(again.data!.eraseClient.erasedAt).toBe(erased.data!.eraseClient.erasedAt);
  });

  it('is for admins of the practice only', async () => {
    const c = await clientWithPortalAndVisits();
    const clinician = await createTestStaff(c.practice, { roles: ['CLINICIAN', 'SUPERVISOR', 'BILLING', 'FRONT_DESK'] });
    const stranger = await createTestStaff(await createTestPractice(), { roles: ['ADMIN'] });
    expect(codes(await gql(stack.routerUrl, ERASE, { clientId: c.client.id }, await tokenFor(clinician)))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(stack.routerUrl, ERASE, { clientId: c.client.id }))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await gql(stack.routerUrl, ERASE, { clientId: c.client.id }, await tokenFor(stranger)))).toEqual(['NOT_FOUND']);
    expect((await testPrisma().client.findFirstOrThrow({ where: { id: c.client.id } })).erasedAt).toBeNull();
  });
});
