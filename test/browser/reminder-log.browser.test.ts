// The reminder log in an appointment's details, fed by Twilio's real path: a text reminder was
// sent, Twilio posts signed status callbacks to the router's webhook, and the front desk sees
// "Delivered", or "Undelivered" with the carrier's reason in plain words.
import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { afterAll, describe, expect, it } from 'vitest';
import { postTwilioWebhook, twilioSignatureFor } from '../../workers/src/sms/twilio-fake';
import { SCREENSHOTS } from '../support/browser';
import { browserSuite } from '../support/browser-suite';
import { createTestAppointment, createTestClient, createTestPractice, createTestStaff, testPrisma } from '../support/factories';

// What Twilio signs is the public URL; the router listens on a port of its own.
const PUBLIC = 'http://localhost:4000';
const TOKEN = `token-${randomUUID()}`;
process.env.TWILIO_AUTH_TOKEN = TOKEN;
process.env.SOLACE_PUBLIC_API_URL = PUBLIC;
const suite = browserSuite();
afterAll(() => {
  delete process.env.TWILIO_AUTH_TOKEN;
  delete process.env.SOLACE_PUBLIC_API_URL;
});

/** What Twilio posts to the StatusCallback of a message. */
function statusCallback(sid: string, status: string, errorCode?: string) {
  const url = `${PUBLIC}/webhooks/twilio/status`;
  const params: Record<string, string> = { AccountSid: 'AC00000000000000000000000000000042', ApiVersion: '2010-04-01', MessageSid: sid, MessageStatus: status, SmsSid: sid, SmsStatus: status, To: '+15555550123', From: '+15550000001' };
  if (errorCode) params.ErrorCode = errorCode;
  return postTwilioWebhook(`${suite.stack.routerUrl.replace(/\/graphql$/, '')}/webhooks/twilio/status`, { url, params, signature: twilioSignatureFor(TOKEN, url, params) });
}

describe('reminder log', () => {
  it('shows the front desk which texts reached the client and why one did not', async () => {
    const practice = await createTestPractice(undefined, { timeZone: 'UTC' });
    const clinician = await createTestStaff(practice, { displayName: 'Dr. Rivera' });
    const desk = await createTestStaff(practice, { roles: ['FRONT_DESK'], displayName: 'Front Desk' });
    const client = await createTestClient(practice);
    // Both reminders went out already: the session starts within the hour.
    const startsAt = DateTime.utc().plus({ hours: 1 }).startOf('hour');
    const appointment = await createTestAppointment(practice, client, clinician, { startsAt: startsAt.toJSDate() });
    const [delivered, unreachable] = [`SM${randomUUID().replace(/-/g, '')}`, `SM${randomUUID().replace(/-/g, '')}`];
    const base = { practiceId: practice.id, appointmentId: appointment.id, channel: 'SMS' as const, status: 'SENT' as const, appointmentStartsAt: appointment.startsAt };
    await testPrisma().reminderDelivery.createMany({
      data: [
        { ...base, offsetMinutes: 2880, providerMessageId: delivered, attemptedAt: startsAt.minus({ hours: 48 }).toJSDate() },
        { ...base, offsetMinutes: 120, providerMessageId: unreachable, attemptedAt: startsAt.minus({ minutes: 90 }).toJSDate() },
      ],
    });
    expect((await statusCallback(delivered, 'sent')).status).toBe(200);
    expect((await statusCallback(delivered, 'delivered')).status).toBe(200);
    expect((await statusCallback(unreachable, 'undelivered', '30003')).status).toBe(200);

    const page = await suite.browser.newPage({ viewport: { width: 1280, height: 900 }, timezoneId: 'UTC' });
    await suite.signInAs(page, desk.email);
    await page.goto(`${suite.webUrl}/calendar?date=${startsAt.toISODate()}`);
    await page.locator('.appointment-event').filter({ hasText: client.lastName }).click();
    const log = page.getByRole('dialog', { name: 'Appointment' }).getByRole('region', { name: 'Reminders' });
    await log.getByText('Delivered', { exact: true }).waitFor();
    await log.getByText('the phone was switched off or out of reach', { exact: false }).waitFor();
    expect(await log.getByText('Undelivered', { exact: true }).count()).toBe(1);
    await page.screenshot({ path: `${SCREENSHOTS}/reminder-log.png` });
  });
});
