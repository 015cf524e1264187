// Twilio's webhooks through the router started by the test stack, on real PostgreSQL and Redis:
// signed STOP/START replies switch text reminders for every client at the number (in every
// practice, and no one else), status callbacks move a reminder's delivery status forward only,
// and anything unsigned or wrongly signed is refused with no side effect.
import { AuditRepository, createDbPool, createLogger, createPrismaClient } from '@solace/server-kit';
import { setupServer } from 'msw/node';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestAppointment, createTestClient, createTestPractice, createTestStaff, testPrisma } from '../../../test/support/factories';
import { gql, tokenFor } from '../../../test/support/graphql-client';
import { startStack, type TestStack } from '../../../test/support/stack';
import { LocalMailboxProvider } from '../../../workers/src/email/local-mailbox.provider';
import { ReminderDeliveryRepository } from '../../../workers/src/reminders/reminder-delivery.repository';
import { ReminderPlanSettingsRepository } from '../../../workers/src/reminders/reminder-settings.repository';
import { ReminderRepository } from '../../../workers/src/reminders/reminder.repository';
import { processReminder } from '../../../workers/src/reminders/reminders.processor';
import { SmsConsentRepository } from '../../../workers/src/sms/sms-consent.repository';
import { SmsOptOuts } from '../../../workers/src/sms/sms-opt-outs';
import { postTwilioWebhook, twilioFake, twilioSignatureFor, type TwilioWebhookRequest } from '../../../workers/src/sms/twilio-fake';
import { TwilioSmsProvider } from '../../../workers/src/sms/twilio.provider';

// What Twilio signs is the public URL; the test router listens on a port of its own.
const PUBLIC = 'http://localhost:4000';
const fake = twilioFake({ sid: 'AC00000000000000000000000000000042', token: `token-${randomUUID()}` });
const msw = setupServer(fake.handler);
const prisma = testPrisma();
const auditPool = createDbPool(process.env.DATABASE_OWNER_URL!, { poolSize: 1 });
let stack: TestStack;
let routerBase: string;

beforeAll(async () => {
  process.env.TWILIO_AUTH_TOKEN = fake.account.token;
  process.env.SOLACE_PUBLIC_API_URL = PUBLIC;
  stack = await startStack();
  routerBase = stack.routerUrl.replace(/\/graphql$/, '');
});
afterAll(async () => {
  await stack?.stop();
  await auditPool.end();
  delete process.env.TWILIO_AUTH_TOKEN;
  delete process.env.SOLACE_PUBLIC_API_URL;
});

/** A number of its own per test: opting a number out reaches every client at it. */
const uniquePhone = () => `+1555${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
const national = (e164: string) => `(${e164.slice(2, 5)}) ${e164.slice(5, 8)}-${e164.slice(8)}`;
const post = (request: TwilioWebhookRequest, signature?: string) => postTwilioWebhook(`${routerBase}${new URL(request.url).pathname}`, request, signature);
const text = (from: string, body: string) => fake.inbound(`${PUBLIC}/webhooks/twilio/sms`, { from, to: '+15550000001', body });

async function clientAt(practice: { id: string }, phone: string | null, reminderSms: boolean) {
  const client = await createTestClient(practice);
  await prisma.client.update({ where: { id: client.id }, data: { phone, reminderSms } });
  return client;
}
const smsOn = async (clientId: string) => (await prisma.client.findFirstOrThrow({ where: { id: clientId }, select: { reminderSms: true } })).reminderSms;
const history = (clientId: string) => prisma.smsConsentEvent.findMany({ where: { clientId }, orderBy: { occurredAt: 'asc' }, select: { optedIn: true, source: true, keyword: true } });

describe('POST /webhooks/twilio/sms', () => {
  it('STOP switches texts off for every client at the number in every practice, answers empty TwiML, and START switches them back on', async () => {
    const phone = uniquePhone();
    const [first, second, third] = [await createTestPractice(), await createTestPractice(), await createTestPractice()];
    const dana = await clientAt(first, national(phone), true);
    const sam = await clientAt(second, phone, true);
    const neverOptedIn = await clientAt(second, `1-${phone.slice(2, 5)}-${phone.slice(5, 8)}-${phone.slice(8)}`, false);
    const elsewhere = await clientAt(third, uniquePhone(), true);

    const stop = await post(text(phone, 'Stop'));
    expect(stop.status).toBe(200);
    expect(stop.headers.get('content-type')).toContain('text/xml');
    expect(await stop.text()).toBe('<?xml version="1.0" encoding="UTF-8"?><Response/>');
    expect([await smsOn(dana.id), await smsOn(sam.id), await smsOn(neverOptedIn.id), await smsOn(elsewhere.id)]).toEqual([false, false, false, true]);
    expect(await history(dana.id)).toEqual([{ optedIn: false, source: 'INBOUND_KEYWORD', keyword: 'STOP' }]);
    expect(await history(neverOptedIn.id)).toEqual([]);
    expect(await history(elsewhere.id)).toEqual([]);
    // The audit trail names the client, with no actor: the system changed it.
    for (const [practice, client] of [[first, dana], [second, sam]] as const) {
      expect(await prisma.auditEvent.findMany({ where: { practiceId: practice.id, entityId: client.id }, select: { actorId: true, action: true, entityType: true, userAgent: true } })).toEqual([
        { actorId: null, action: 'UPDATE', entityType: 'Client', userAgent: 'TwilioProxy/1.1' },
      ]);
    }

    // A repeated STOP (Twilio retries) changes nothing more; HELP changes nothing.
    expect((await post(text(phone, 'STOP'))).status).toBe(200);
    expect((await post(text(phone, 'help'))).status).toBe(200);
    expect(await history(dana.id)).toHaveLength(1);

    const start = await post(text(phone, 'START'));
    expect(start.status).toBe(200);
    expect(await start.text()).toBe('<?xml version="1.0" encoding="UTF-8"?><Response/>');
    // Back on for those Solace switched off; a client who never chose texts is not opted in by it.
    expect([await smsOn(dana.id), await smsOn(sam.id), await smsOn(neverOptedIn.id), await smsOn(elsewhere.id)]).toEqual([true, true, false, true]);
    expect(await history(sam.id)).toEqual([
      { optedIn: false, source: 'INBOUND_KEYWORD', keyword: 'STOP' },
      { optedIn: true, source: 'INBOUND_KEYWORD', keyword: 'START' },
    ]);

    // Staff see why on the client's record.
    const token = await tokenFor(await createTestStaff(second, { roles: ['FRONT_DESK'] }));
    const seen = await gql(stack.routerUrl, 'query ($id: ID!) { client(id: $id) { smsConsentHistory { optedIn source keyword occurredAt } } }', { id: sam.id }, token);
    expect(seen.errors).toBeUndefined();
    expect(seen.data!.client.smsConsentHistory.map((e: { keyword: string }) => e.keyword)).toEqual(['START', 'STOP']);
  });

  it('applies each inbound text once: a replayed START after a later STOP leaves texts off', async () => {
    const phone = uniquePhone();
    const client = await clientAt(await createTestPractice(), phone, true);
    expect((await post(text(phone, 'STOP'))).status).toBe(200);
    const start = text(phone, 'START');
    expect((await post(start)).status).toBe(200);
    expect(await smsOn(client.id)).toBe(true);
    expect((await post(text(phone, 'STOP'))).status).toBe(200);
    // The same signed START again (a retry, or someone replaying it): nothing changes.
    expect((await post(start)).status).toBe(200);
    expect(await smsOn(client.id)).toBe(false);
    expect((await history(client.id)).map((event) => event.keyword)).toEqual(['STOP', 'START', 'STOP']);
  });

  it.each(['UNSUBSCRIBE', 'cancel', 'END', 'quit', 'STOPALL', 'OPTOUT', 'revoke'])('%s opts out like STOP', async (word) => {
    const phone = uniquePhone();
    const client = await clientAt(await createTestPractice(), phone, true);
    expect((await post(text(phone, word))).status).toBe(200);
    expect(await smsOn(client.id)).toBe(false);
  });

  it('refuses a missing or wrong signature with 403 and changes nothing; a signed but malformed form gets 400', async () => {
    const phone = uniquePhone();
    const client = await clientAt(await createTestPractice(), phone, true);
    const stop = text(phone, 'STOP');
    expect((await post(stop, '')).status).toBe(403);
    expect((await post(stop, stop.signature.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')))).status).toBe(403);
    // Signed for another URL, or with another token, or with the body changed after signing.
    const other = fake.inbound(`${PUBLIC}/webhooks/twilio/status`, { from: phone, to: '+15550000001', body: 'STOP' });
    expect((await post({ ...other, url: `${PUBLIC}/webhooks/twilio/sms` })).status).toBe(403);
    const forged = twilioFake({ sid: fake.account.sid, token: 'not-the-token' }).inbound(`${PUBLIC}/webhooks/twilio/sms`, { from: phone, to: '+15550000001', body: 'STOP' });
    expect((await post(forged)).status).toBe(403);
    expect((await post({ ...stop, params: { ...stop.params, From: uniquePhone() } })).status).toBe(403);
    expect(await smsOn(client.id)).toBe(true);
    expect(await history(client.id)).toEqual([]);

    const noSender = fake.inbound(`${PUBLIC}/webhooks/twilio/sms`, { from: phone, to: '+15550000001', body: 'STOP' });
    const { From: _from, ...withoutFrom } = noSender.params;
    const signedWithoutFrom = { url: noSender.url, params: withoutFrom, signature: twilioSignatureFor(fake.account.token, noSender.url, withoutFrom) };
    expect((await post(signedWithoutFrom)).status).toBe(400);
    const notAPhone = fake.inbound(`${PUBLIC}/webhooks/twilio/sms`, { from: 'alphanumeric', to: '+15550000001', body: 'STOP' });
    expect((await post(notAPhone)).status).toBe(400);
    const json = await fetch(`${routerBase}/webhooks/twilio/sms`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-twilio-signature': stop.signature }, body: JSON.stringify(stop.params) });
    expect(json.status).toBe(400);
    expect(await smsOn(client.id)).toBe(true);
  });

  it('keeps the internal operations away from every token and from anonymous callers', async () => {
    const practice = await createTestPractice();
    const admin = await tokenFor(await createTestStaff(practice, { roles: ['ADMIN'] }));
    const phone = uniquePhone();
    const client = await clientAt(practice, phone, true);
    const inbound = 'mutation ($from: String!) { recordInboundSms(from: $from, body: "STOP", messageSid: "SM00000000000000000000000000000001") { action clientsChanged } }';
    expect((await gql(stack.routerUrl, inbound, { from: phone })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await gql(stack.routerUrl, inbound, { from: phone }, admin)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const status = 'mutation { recordSmsDeliveryStatus(messageSid: "SM00000000000000000000000000000001", messageStatus: "delivered") { found updated } }';
    expect((await gql(stack.routerUrl, status)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await gql(stack.routerUrl, status, {}, admin)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await smsOn(client.id)).toBe(true);
  });
});

describe('POST /webhooks/twilio/status', () => {
  async function sentReminder() {
    const practice = await createTestPractice();
    const clinician = await createTestStaff(practice);
    const client = await clientAt(practice, uniquePhone(), true);
    const appointment = await createTestAppointment(practice, client, clinician, { startsAt: new Date(Date.now() + 5 * 86_400_000) });
    const owner = createPrismaClient(process.env.DATABASE_OWNER_URL!, { poolSize: 1 });
    // Twilio's API is faked only while the reminder is sent: msw's interception of every request in
    // the process would otherwise sit between the router and the subgraphs too.
    msw.listen({ onUnhandledRequest: 'error' });
    try {
      const outcome = await processReminder(
        { id: `reminder-${appointment.id}`, data: { appointmentId: appointment.id, practiceId: practice.id, offsetMinutes: 120, channel: 'SMS', startsAt: appointment.startsAt.toISOString(), requestId: 'r' } },
        {
          reminders: new ReminderRepository(owner),
          deliveries: new ReminderDeliveryRepository(owner),
          settings: new ReminderPlanSettingsRepository(owner),
          email: new LocalMailboxProvider('/tmp/solace-unused-mailbox', createLogger('test')),
          sms: new TwilioSmsProvider({ accountSid: fake.account.sid, authToken: fake.account.token, from: '+15550000001', statusCallbackUrl: `${PUBLIC}/webhooks/twilio/status` }),
          smsOptOuts: new SmsOptOuts(new SmsConsentRepository(owner), new AuditRepository(owner, auditPool)),
        },
      );
      if (!('sent' in outcome)) throw new Error(`expected a sent reminder, got ${JSON.stringify(outcome)}`);
      return { practice, appointment, sid: outcome.sent };
    } finally {
      msw.close();
      await owner.$disconnect();
    }
  }
  const delivery = (sid: string) => prisma.reminderDelivery.findFirstOrThrow({ where: { providerMessageId: sid }, select: { status: true, deliveryStatus: true, deliveryErrorCode: true } });

  it('records queued, sent, delivered in order, and a late "sent" does not undo "delivered"', async () => {
    const { practice, appointment, sid } = await sentReminder();
    expect(fake.state.sent.find((m) => m.sid === sid)!.statusCallback).toBe(`${PUBLIC}/webhooks/twilio/status`);
    expect((await post(fake.statusCallback(sid, 'queued'))).status).toBe(200);
    expect(await delivery(sid)).toEqual({ status: 'SENT', deliveryStatus: 'QUEUED', deliveryErrorCode: null });
    await post(fake.statusCallback(sid, 'sent'));
    expect((await delivery(sid)).deliveryStatus).toBe('SENT');
    await post(fake.statusCallback(sid, 'delivered'));
    expect((await delivery(sid)).deliveryStatus).toBe('DELIVERED');
    expect((await post(fake.statusCallback(sid, 'sent'))).status).toBe(200);
    expect((await post(fake.statusCallback(sid, 'undelivered', 30003))).status).toBe(200);
    expect(await delivery(sid)).toEqual({ status: 'SENT', deliveryStatus: 'DELIVERED', deliveryErrorCode: null });

    // The desk sees it in the appointment's delivery log.
    const token = await tokenFor(await createTestStaff(practice, { roles: ['FRONT_DESK'] }));
    const log = await gql(stack.routerUrl, 'query ($id: ID!) { appointment(id: $id) { reminderDeliveries { status providerMessageId deliveryStatus deliveryErrorCode deliveryUpdatedAt } } }', { id: appointment.id }, token);
    expect(log.errors).toBeUndefined();
    expect(log.data!.appointment.reminderDeliveries).toEqual([{ status: 'SENT', providerMessageId: sid, deliveryStatus: 'DELIVERED', deliveryErrorCode: null, deliveryUpdatedAt: expect.any(String) }]);
  });

  it('keeps the outcome when callbacks arrive out of order, with the error code of an undelivered text', async () => {
    const { sid } = await sentReminder();
    await post(fake.statusCallback(sid, 'undelivered', 30003));
    await post(fake.statusCallback(sid, 'queued'));
    await post(fake.statusCallback(sid, 'sent'));
    expect(await delivery(sid)).toEqual({ status: 'SENT', deliveryStatus: 'UNDELIVERED', deliveryErrorCode: '30003' });
  });

  it('answers 200 for an unknown MessageSid and writes nothing; refuses bad signatures and malformed callbacks', async () => {
    const { sid } = await sentReminder();
    const unknownSid = `SM${randomUUID().replace(/-/g, '')}`;
    fake.state.sent.push({ sid: unknownSid, to: '+15550000002', from: '+15550000001', body: 'x', statusCallback: `${PUBLIC}/webhooks/twilio/status` });
    expect((await post(fake.statusCallback(unknownSid, 'delivered'))).status).toBe(200);
    expect(await prisma.reminderDelivery.count({ where: { providerMessageId: unknownSid } })).toBe(0);

    const delivered = fake.statusCallback(sid, 'delivered');
    expect((await post(delivered, 'bm90IGEgc2lnbmF0dXJl')).status).toBe(403);
    expect((await fetch(`${routerBase}/webhooks/twilio/status`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(delivered.params) })).status).toBe(403);
    expect((await delivery(sid)).deliveryStatus).toBeNull();

    const bogus = fake.statusCallback(sid, 'delivered');
    const params = { ...bogus.params, MessageStatus: 'teleported' };
    expect((await post({ url: bogus.url, params, signature: twilioSignatureFor(fake.account.token, bogus.url, params) })).status).toBe(400);
    expect((await delivery(sid)).deliveryStatus).toBeNull();
  });
});
