// Text reminders through Twilio's API shape (msw answers like Twilio), and the clients' own choices
// of channel, on real PostgreSQL.
import { AuditRepository, createDbPool, createLogger, createPrismaClient } from '@solace/server-kit';
import { setupServer } from 'msw/node';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestAppointment, createTestClient, createTestPractice, createTestStaff } from '../../../test/support/factories';
import { LocalMailboxProvider } from '../email/local-mailbox.provider';
import { SmsConsentRepository } from '../sms/sms-consent.repository';
import { SmsOptOuts } from '../sms/sms-opt-outs';
import { type SmsError } from '../sms/sms-provider';
import { twilioFake } from '../sms/twilio-fake';
import { TwilioSmsProvider } from '../sms/twilio.provider';
import { ReminderRepository } from './reminder.repository';
import { ReminderDeliveryRepository } from './reminder-delivery.repository';
import { ReminderPlanSettingsRepository } from './reminder-settings.repository';
import { processReminder } from './reminders.processor';
import type { ReminderChannel } from './reminder-settings';

const prisma = createPrismaClient(process.env.DATABASE_OWNER_URL!, { poolSize: 2 });
const auditPool = createDbPool(process.env.DATABASE_OWNER_URL!, { poolSize: 1 });
/** Opting a number out reaches every client at it, so each test that does uses a number of its own. */
const uniquePhone = () => `+1555${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(async () => {
  server.close();
  await auditPool.end();
  await prisma.$disconnect();
});

async function setup(client: { phone?: string | null; email?: string | null; reminderSms?: boolean; reminderEmail?: boolean }) {
  const practice = await createTestPractice(undefined, { timeZone: 'America/Chicago' });
  await prisma.practice.update({ where: { id: practice.id }, data: { name: 'Maple Counselling' } });
  const clinician = await createTestStaff(practice, { displayName: 'Dr. Rivera' });
  const created = await createTestClient(practice, { firstName: 'Dana', email: client.email === undefined ? `dana-${randomUUID()}@example.test` : client.email });
  await prisma.client.update({ where: { id: created.id }, data: { phone: client.phone ?? null, reminderSms: client.reminderSms ?? false, reminderEmail: client.reminderEmail ?? true } });
  const appointment = await createTestAppointment(practice, created, clinician, { startsAt: new Date('2030-06-03T15:00:00Z') });
  const fake = twilioFake();
  server.use(fake.handler);
  const mailboxDir = await mkdtemp(join(tmpdir(), 'solace-mailbox-'));
  const deps = {
    reminders: new ReminderRepository(prisma),
    deliveries: new ReminderDeliveryRepository(prisma),
    settings: new ReminderPlanSettingsRepository(prisma),
    email: new LocalMailboxProvider(mailboxDir, createLogger('test')),
    sms: new TwilioSmsProvider({ accountSid: fake.account.sid, authToken: fake.account.token, from: '+15550000001' }),
    smsOptOuts: new SmsOptOuts(new SmsConsentRepository(prisma), new AuditRepository(prisma, auditPool)),
  };
  const remind = (channel: ReminderChannel) =>
    processReminder({ id: `reminder-${appointment.id}-120-${channel.toLowerCase()}`, data: { appointmentId: appointment.id, practiceId: practice.id, offsetMinutes: 120, channel, startsAt: appointment.startsAt.toISOString(), requestId: 'r' } }, deps);
  const log = () =>
    prisma.reminderDelivery.findMany({
      where: { appointmentId: appointment.id },
      orderBy: { attemptedAt: 'asc' },
      select: { practiceId: true, channel: true, offsetMinutes: true, appointmentStartsAt: true, status: true, reason: true, errorCode: true, providerCode: true, providerMessageId: true },
    });
  return { fake: fake.state, remind, log, practice, appointment, client: created, emails: () => readdir(mailboxDir) };
}

describe('text reminders', () => {
  it('texts a client who opted in: practice and time only, with the opt-out line', async () => {
    const { fake, remind } = await setup({ phone: '(555) 123-4567', reminderSms: true });
    const outcome = await remind('SMS');
    expect(outcome).toEqual({ sent: fake.sent[0]!.sid });
    expect(fake.sent).toHaveLength(1);
    expect(fake.sent[0]!.to).toBe('+15551234567');
    expect(fake.sent[0]!.body).toBe(
      'Maple Counselling: reminder of your appointment on Monday, June 3, 2030 at 10:00 AM CDT.\nTo reschedule, please contact Maple Counselling.\nReply STOP to opt out.',
    );
    expect(fake.sent[0]!.body).not.toMatch(/Dana|Rivera/);
  });

  it('texts only clients who opted in and have a phone; emails only those who did not opt out and have an address', async () => {
    const notOptedIn = await setup({ phone: '+15551234567' });
    expect(await notOptedIn.remind('SMS')).toEqual({ skipped: 'opted-out' });
    const noPhone = await setup({ reminderSms: true });
    expect(await noPhone.remind('SMS')).toEqual({ skipped: 'no-phone' });
    const optedOutOfEmail = await setup({ reminderEmail: false });
    expect(await optedOutOfEmail.remind('EMAIL')).toEqual({ skipped: 'opted-out' });
    expect(await optedOutOfEmail.emails()).toHaveLength(0);
    const noEmail = await setup({ email: null });
    expect(await noEmail.remind('EMAIL')).toEqual({ skipped: 'no-email' });
    for (const { fake } of [notOptedIn, noPhone]) expect(fake.sent).toHaveLength(0);
  });

  it('records an invalid or unsubscribed number as failed for good, and leaves rate limits and outages to retries', async () => {
    const invalid = await setup({ phone: '12345', reminderSms: true });
    expect(await invalid.remind('SMS')).toEqual({ failed: { code: 'INVALID_NUMBER', providerCode: '21211', message: "Twilio 400 (21211): Invalid 'To' Phone Number: 12345" } });

    const gone = uniquePhone();
    const unsubscribed = await setup({ phone: gone, reminderSms: true });
    unsubscribed.fake.unsubscribed.add(gone);
    expect(await unsubscribed.remind('SMS')).toMatchObject({ failed: { code: 'UNSUBSCRIBED', providerCode: '21610' } });

    const busy = await setup({ phone: '+15557654321', reminderSms: true });
    busy.fake.failures.push(429, 500);
    await expect(busy.remind('SMS')).rejects.toSatisfy((e: SmsError) => e.code === 'RATE_LIMITED' && e.retryable);
    await expect(busy.remind('SMS')).rejects.toSatisfy((e: SmsError) => e.code === 'PROVIDER_UNAVAILABLE' && e.retryable);
    expect(await busy.remind('SMS')).toHaveProperty('sent');
  });

  it('logs every attempt for the appointment: sent with the message id, skipped with why, failed with the codes', async () => {
    const texted = await setup({ phone: '+15551234567', reminderSms: true, reminderEmail: false });
    const ref = { practiceId: texted.practice.id, offsetMinutes: 120, appointmentStartsAt: texted.appointment.startsAt };
    await texted.remind('SMS');
    await texted.remind('EMAIL');
    expect(await texted.log()).toEqual([
      { ...ref, channel: 'SMS', status: 'SENT', providerMessageId: texted.fake.sent[0]!.sid, reason: null, errorCode: null, providerCode: null },
      { ...ref, channel: 'EMAIL', status: 'SKIPPED', reason: 'opted-out', providerMessageId: null, errorCode: null, providerCode: null },
    ]);

    const busyPhone = uniquePhone();
    const busy = await setup({ phone: busyPhone, reminderSms: true });
    busy.fake.failures.push(503);
    await expect(busy.remind('SMS')).rejects.toThrow();
    busy.fake.unsubscribed.add(busyPhone);
    await busy.remind('SMS');
    expect(await busy.log()).toMatchObject([
      { status: 'FAILED', errorCode: 'PROVIDER_UNAVAILABLE', providerCode: '20500', reason: 'Twilio 503 (20500): Internal Server Error (will retry)' },
      { status: 'FAILED', errorCode: 'UNSUBSCRIBED', providerCode: '21610', reason: 'Twilio 400 (21610): Attempt to send to unsubscribed recipient' },
    ]);
  });

  it('never texts twice for one planned reminder, even when its job runs again after a success', async () => {
    const { fake, remind, log } = await setup({ phone: '+15551234567', reminderSms: true });
    expect(await remind('SMS')).toHaveProperty('sent');
    expect(await remind('SMS')).toEqual({ skipped: 'already-sent' });
    expect(fake.sent).toHaveLength(1);
    expect((await log()).map((row) => row.status)).toEqual(['SENT', 'SKIPPED']);
  });

  it('switches text reminders off when Twilio refuses the number as unsubscribed (21610), says why, audits it, and stops trying', async () => {
    const phone = uniquePhone();
    const national = `(${phone.slice(2, 5)}) ${phone.slice(5, 8)}-${phone.slice(8)}`;
    const refused = await setup({ phone: national, reminderSms: true });
    refused.fake.unsubscribed.add(phone);
    expect(await refused.remind('SMS')).toMatchObject({ failed: { code: 'UNSUBSCRIBED', providerCode: '21610' } });

    const client = await prisma.client.findFirstOrThrow({ where: { id: refused.client.id }, select: { reminderSms: true } });
    expect(client.reminderSms).toBe(false);
    expect(await prisma.smsConsentEvent.findMany({ where: { clientId: refused.client.id }, select: { practiceId: true, phone: true, optedIn: true, source: true, keyword: true } })).toEqual([
      { practiceId: refused.practice.id, phone, optedIn: false, source: 'UNSUBSCRIBED_ERROR', keyword: null },
    ]);
    expect(await prisma.auditEvent.findMany({ where: { practiceId: refused.practice.id, entityId: refused.client.id }, select: { actorId: true, action: true, entityType: true, requestId: true } })).toEqual([
      { actorId: null, action: 'UPDATE', entityType: 'Client', requestId: 'r' },
    ]);

    // The next reminder is skipped instead of refused again.
    expect(await refused.remind('SMS')).toEqual({ skipped: 'opted-out' });
  });
});
