// The waitlist in real Chromium: the desk adds a client through /waitlist; a cancelled session's
// time is offered by the waitlist worker in an email to the first in line, who declines on her
// phone; the next client accepts on hers, and the visit is booked. Also: removing an entry, a closed offer and an unknown link.
import { createLogger, createPrismaClient, createRedis, SlotHolds } from '@solace/server-kit';
import { createWaitlistQueue, WAITLIST_QUEUE } from '@solace/workers';
import type { ChildProcess } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalMailboxProvider } from '../../workers/src/email/local-mailbox.provider';
import { WaitlistRepository } from '../../workers/src/waitlist/waitlist.repository';
import { startWaitlistWorker } from '../../workers/src/waitlist/waitlist.worker';
import { freePort, launchChromium, SCREENSHOTS, startWebApp } from '../support/browser';
import { createTestClient, createTestPractice, createTestStaff, TEST_PASSWORD, testPrisma } from '../support/factories';
import { gql, tokenFor } from '../support/graphql-client';
import { startMailboxWorker, type TestMailbox } from '../support/mailbox';
import { startStack, type TestStack } from '../support/stack';

let stack: TestStack;
let web: ChildProcess;
let webUrl: string;
let browser: Browser;
let mailbox: TestMailbox;
let worker: ReturnType<typeof startWaitlistWorker>;
const redis = createRedis(process.env.REDIS_URL!);
const queue = createWaitlistQueue(process.env.REDIS_URL!);
const appPrisma = createPrismaClient(process.env.DATABASE_URL!, { poolSize: 2 });

beforeAll(async () => {
  const port = await freePort();
  webUrl = `http://127.0.0.1:${port}`;
  stack = await startStack({ allowedOrigins: [webUrl] });
  web = await startWebApp({ port, routerUrl: stack.routerUrl, readyPath: '/login' });
  browser = await launchChromium();
  mailbox = await startMailboxWorker({ prisma: appPrisma, webUrl });
  const log = createLogger('test');
  worker = startWaitlistWorker({
    redisUrl: process.env.REDIS_URL!,
    queueName: WAITLIST_QUEUE,
    waitlist: new WaitlistRepository(appPrisma),
    holds: new SlotHolds(redis),
    queue,
    email: new LocalMailboxProvider(mailbox.dir, log),
    webUrl,
    log,
  });
});

afterAll(async () => {
  await worker?.close();
  await mailbox?.close();
  await queue.close();
  redis.disconnect();
  await appPrisma.$disconnect();
  await browser?.close();
  web?.kill('SIGTERM');
  await stack?.stop();
});

async function signInAs(page: Page, email: string) {
  await page.goto(`${webUrl}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL(/\/today/);
}

/** 10:00 UTC on a weekday at least three days ahead (the practice keeps UTC). */
function futureWeekdayTen(): Date {
  const day = new Date(Date.now() + 3 * 86_400_000);
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day.setUTCDate(day.getUTCDate() + 1);
  return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 10, 0));
}
const weekdayName = (date: Date, style: 'long' | 'short') => new Intl.DateTimeFormat('en-US', { weekday: style, timeZone: 'UTC' }).format(date);

describe('waitlist in the browser', () => {
  it('the desk adds a client, a cancelled time is offered by email, the first in line declines and the next accepts on a phone', async () => {
    const prisma = testPrisma();
    const practice = await createTestPractice(undefined, { timeZone: 'UTC' });
    const maya = await createTestStaff(practice, { displayName: 'Dr. Maya Patel' });
    await createTestStaff(practice, { displayName: 'Dr. Sam Chen' });
    const desk = await createTestStaff(practice, { roles: ['FRONT_DESK'] });
    const deskToken = await tokenFor(desk);
    const service = await prisma.service.create({ data: { practiceId: practice.id, name: 'Individual therapy', durationMinutes: 50, priceCents: 15000 } });
    const booked = await createTestClient(practice);
    const dana = await createTestClient(practice, { firstName: 'Dana' });
    const startsAt = futureWeekdayTen();
    const booking = await gql<{ bookAppointment: { id: string } }>(stack.routerUrl, `mutation($input: BookAppointmentInput!) { bookAppointment(input: $input) { id } }`, { input: { clientId: booked.id, clinicianId: maya.id, serviceId: service.id, startsAt } }, deskToken);
    expect(booking.errors).toBeUndefined();

    const page = await browser.newPage({ timezoneId: 'UTC' });
    await signInAs(page, desk.email);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Waitlist' }).click();
    await page.waitForURL(/\/waitlist$/);
    await page.getByText('Nobody is waiting.').waitFor();
    // Robin was waiting first (any time, any clinician), so she will be asked first.
    const robin = await createTestClient(practice, { firstName: 'Robin' });
    expect((await gql(stack.routerUrl, `mutation($input: WaitlistEntryInput!) { addToWaitlist(input: $input) { id } }`, { input: { clientId: robin.id, serviceId: service.id } }, deskToken)).errors).toBeUndefined();

    // The form explains what is missing rather than sending it.
    await page.getByRole('button', { name: 'Add to waitlist' }).click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'Choose a client' }).count()).toBe(1);

    await page.getByRole('combobox', { name: 'Client' }).fill(dana.lastName);
    await page.getByRole('option', { name: new RegExp(`${dana.lastName}, Dana`) }).click();
    await page.getByLabel('Service').selectOption({ label: 'Individual therapy' });
    await page.getByLabel('Dr. Maya Patel').check();
    await page.getByLabel(weekdayName(startsAt, 'long'), { exact: true }).check();
    await page.getByLabel('Earliest start').fill('09:00');
    await page.getByLabel('Latest end').fill('12:00');
    await page.getByLabel('Note').fill('Prefers mornings');
    await page.getByRole('button', { name: 'Add to waitlist' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: `Dana ${dana.lastName} is on the waitlist.` }).count()).toBe(1);

    const table = page.getByRole('table', { name: 'Clients on the waitlist' });
    const row = table.getByRole('row', { name: new RegExp(`Dana ${dana.lastName}`) });
    await row.waitFor();
    expect(await row.textContent()).toContain(`${weekdayName(startsAt, 'short')} · 09:00–12:00 · Dr. Maya Patel`);
    expect(await row.textContent()).toContain('Not offered a time yet');
    expect(await row.getByRole('cell', { name: 'Individual therapy' }).count()).toBe(1);
    const entry = await prisma.waitlistEntry.findFirstOrThrow({ where: { clientId: dana.id } });
    expect(entry).toMatchObject({ practiceId: practice.id, serviceId: service.id, preferredClinicianIds: [maya.id], preferredWeekdays: [startsAt.getUTCDay()], status: 'ACTIVE', note: 'Prefers mornings' });
    // The form is ready for the next client.
    expect(await page.getByRole('combobox', { name: 'Client' }).inputValue()).toBe('');
    await page.screenshot({ path: `${SCREENSHOTS}/waitlist.png`, fullPage: true });

    // The booked client cancels; the worker offers the time to Robin by email, and she says no
    // thanks on her phone, so it goes to Dana.
    const cancelled = await gql(stack.routerUrl, `mutation($id: ID!) { cancelAppointment(id: $id, reason: CLIENT_REQUEST) { status } }`, { id: booking.data!.bookAppointment.id }, deskToken);
    expect(cancelled.errors).toBeUndefined();
    const linkIn = (email: string) => new RegExp(`${webUrl.replace(/\./g, '\\.')}/waitlist/[A-Za-z0-9_-]{43}`).exec(email)?.[0];
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, timezoneId: 'America/Los_Angeles' });
    const robinsPhone = await phone.newPage();
    const robinsLink = linkIn(await mailbox.latestTo(robin.email!, '/waitlist/'));
    expect(robinsLink).toBeDefined();
    await robinsPhone.goto(robinsLink!);
    await robinsPhone.getByRole('button', { name: 'No thanks' }).tap();
    await robinsPhone.getByText('Thank you for letting us know.').waitFor();
    expect(await robinsPhone.getByRole('button', { name: 'Accept this time' }).count()).toBe(0);

    const link = linkIn(await mailbox.latestTo(dana.email!, '/waitlist/'));
    expect(link).toBeDefined();

    // The desk sees the offer on the list.
    await page.reload();
    await expect.poll(async () => (await row.textContent()) ?? '').toContain('Offered, waiting for an answer');
    const robinsRow = table.getByRole('row', { name: new RegExp(`Robin ${robin.lastName}`) });
    expect(await robinsRow.textContent()).toContain('Any day · any time · any clinician');
    expect(await robinsRow.textContent()).toContain('Declined: ');

    // Dana opens the link on her phone, signed in nowhere.
    const mobile = await phone.newPage();
    await mobile.goto(link!);
    await mobile.getByRole('heading', { name: 'A time opened up' }).waitFor();
    const offer = (await mobile.locator('.offer-when').textContent()) ?? '';
    expect(offer).toContain(weekdayName(startsAt, 'long'));
    expect(offer).toContain('10:00');
    expect(offer).toContain('with Dr. Maya Patel (Individual therapy)');
    expect(await mobile.getByText(/Held for you until/).count()).toBe(1);
    // Phone first: nothing wider than the screen.
    expect(await mobile.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await mobile.screenshot({ path: `${SCREENSHOTS}/waitlist-offer-phone.png`, fullPage: true });

    await mobile.getByLabel('In person').check();
    await mobile.getByRole('button', { name: 'Accept this time' }).tap();
    await mobile.getByText('You are booked.').waitFor();

    const appointment = await prisma.appointment.findFirstOrThrow({ where: { clientId: dana.id } });
    expect(appointment).toMatchObject({ practiceId: practice.id, clinicianId: maya.id, serviceId: service.id, startsAt, bookedVia: 'WAITLIST', status: 'SCHEDULED', modality: 'IN_PERSON' });
    expect((await prisma.waitlistEntry.findFirstOrThrow({ where: { id: entry.id } })).status).toBe('BOOKED');

    // Opening the links again says they were answered; Dana is off the desk's list, Robin still on it.
    await mobile.reload();
    await mobile.getByText('You are booked.').waitFor();
    expect(await mobile.getByRole('button', { name: 'Accept this time' }).count()).toBe(0);
    await robinsPhone.reload();
    await robinsPhone.getByText('This offer has closed').waitFor();
    await page.reload();
    await robinsRow.waitFor();
    expect(await row.count()).toBe(0);
    await phone.close();
    await page.close();
  });

  it('removes an entry after confirmation, and answers an unknown link kindly', async () => {
    const prisma = testPrisma();
    const practice = await createTestPractice(undefined, { timeZone: 'UTC' });
    const desk = await createTestStaff(practice, { roles: ['FRONT_DESK'] });
    const service = await prisma.service.create({ data: { practiceId: practice.id, name: 'Intake', durationMinutes: 60, priceCents: 100 } });
    const client = await createTestClient(practice, { firstName: 'Robin' });
    const added = await gql(stack.routerUrl, `mutation($input: WaitlistEntryInput!) { addToWaitlist(input: $input) { id } }`, { input: { clientId: client.id, serviceId: service.id } }, await tokenFor(desk));
    expect(added.errors).toBeUndefined();

    const page = await browser.newPage({ timezoneId: 'UTC' });
    await signInAs(page, desk.email);
    await page.goto(`${webUrl}/waitlist`);
    const row = page.getByRole('row', { name: new RegExp(`Robin ${client.lastName}`) });
    await row.waitFor();
    expect(await row.textContent()).toContain('Any day · any time · any clinician');

    // Dismissing the confirmation keeps the entry; accepting it removes the entry.
    page.once('dialog', (dialog) => void dialog.dismiss());
    await page.getByRole('button', { name: `Remove Robin ${client.lastName} from the waitlist` }).click();
    expect(await row.count()).toBe(1);
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: `Remove Robin ${client.lastName} from the waitlist` }).click();
    await page.getByText(`Robin ${client.lastName} is off the waitlist.`).waitFor();
    await page.getByText('Nobody is waiting.').waitFor();
    expect((await prisma.waitlistEntry.findFirstOrThrow({ where: { clientId: client.id } })).status).toBe('REMOVED');

    const stranger = await browser.newPage();
    await stranger.goto(`${webUrl}/waitlist/${'A'.repeat(43)}`);
    await stranger.getByRole('heading', { name: 'We could not find this offer' }).waitFor();
    // The staff list itself still needs a sign-in.
    await stranger.goto(`${webUrl}/waitlist`);
    await stranger.waitForURL(/\/login/);
    await stranger.close();
    await page.close();
  });
});
