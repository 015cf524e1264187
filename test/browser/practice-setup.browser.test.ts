// Practice setup in real Chromium, as an admin would do it on day one: add a service (a bad CPT
// code explained in place, dollars saved as cents, a duplicate name refused by the API, then edited), add, rename and deactivate a room, change the
// scheduling rules, give a clinician weekday hours (Monday copied to the week) and a day off; the
// public booking page then offers the new service with that clinician.
import type { ChildProcess } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPractice, createTestStaff, TEST_PASSWORD, testPrisma } from '../support/factories';
import { freePort, launchChromium, SCREENSHOTS, startWebApp } from '../support/browser';
import { startStack, type TestStack } from '../support/stack';

let stack: TestStack;
let web: ChildProcess;
let webUrl: string;
let browser: Browser;

beforeAll(async () => {
  const port = await freePort();
  webUrl = `http://127.0.0.1:${port}`;
  stack = await startStack({ allowedOrigins: [webUrl] });
  web = await startWebApp({ port, routerUrl: stack.routerUrl, readyPath: '/login' });
  browser = await launchChromium();
});

afterAll(async () => {
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

const status = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text }).waitFor();

describe('practice setup', () => {
  it('an admin sets up a service, a room, the rules and a clinician’s hours; the booking page offers the service', async () => {
    const prisma = testPrisma();
    const practice = await createTestPractice();
    const admin = await createTestStaff(practice, { roles: ['ADMIN'], displayName: 'Ada Admin' });
    const clinician = await createTestStaff(practice, { displayName: 'Dr. Sam Rivera' });
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, timezoneId: 'Europe/Berlin' });
    await signInAs(page, admin.email);

    // Services: a bad CPT code is explained beside the field; the fee in dollars is saved as cents.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Practice settings' }).click();
    await page.getByRole('link', { name: 'Services' }).click();
    await page.getByRole('heading', { name: 'Add a service' }).waitFor();
    await page.getByLabel('Name').fill('Intake assessment');
    await page.getByLabel('Length (minutes)').fill('60');
    await page.getByLabel('Default CPT code').fill('9079');
    await page.getByLabel('Fee (dollars)').fill('175.5');
    await page.getByLabel('Clients can book it online').check();
    await page.getByRole('button', { name: 'Add service' }).click();
    await page.getByText('A CPT code is five digits or capital letters, e.g. 90834.').waitFor();
    expect(await prisma.service.count({ where: { practiceId: practice.id } })).toBe(0);
    await page.getByLabel('Default CPT code').fill('90791');
    await page.getByRole('button', { name: 'Add service' }).click();
    await status(page, 'Intake assessment added.');
    await page.getByRole('cell', { name: '$175.50' }).waitFor();
    expect(await prisma.service.findFirstOrThrow({ where: { practiceId: practice.id } })).toMatchObject({
      name: 'Intake assessment',
      durationMinutes: 60,
      cptCode: '90791',
      priceCents: 17550,
      bookableOnline: true,
      modalities: ['IN_PERSON', 'TELEHEALTH'],
      active: true,
    });
    // A second service of the same name: the API's refusal is said in its words.
    await page.getByLabel('Name').fill('Intake assessment');
    await page.getByLabel('Fee (dollars)').fill('90');
    await page.getByRole('button', { name: 'Add service' }).click();
    await page.getByRole('alert').filter({ hasText: 'There is already a service named "Intake assessment".' }).waitFor();
    // Editing: the form takes the service's values; the new fee is saved.
    await page.getByRole('button', { name: 'Edit Intake assessment' }).click();
    await page.getByRole('heading', { name: 'Edit Intake assessment' }).waitFor();
    expect(await page.getByLabel('Fee (dollars)').inputValue()).toBe('175.50');
    await page.getByLabel('Fee (dollars)').fill('$180');
    await page.getByRole('button', { name: 'Save service' }).click();
    await status(page, 'Intake assessment saved.');
    expect((await prisma.service.findFirstOrThrow({ where: { practiceId: practice.id } })).priceCents).toBe(18000);
    expect(await prisma.service.count({ where: { practiceId: practice.id } })).toBe(1);
    await page.screenshot({ path: `${SCREENSHOTS}/setup-services.png`, fullPage: true });

    // Rooms: add, rename in place, deactivate.
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Practice settings' }).click();
    await page.getByRole('link', { name: 'Rooms' }).click();
    await page.getByLabel('Room name').fill('Garden room');
    await page.getByRole('button', { name: 'Add room' }).click();
    await status(page, 'Garden room added.');
    await page.getByRole('button', { name: 'Rename Garden room' }).click();
    await page.getByLabel('New name for Garden room').fill('Garden room 2');
    await page.getByRole('button', { name: 'Save name' }).click();
    await status(page, 'Renamed to Garden room 2.');
    await page.getByRole('button', { name: 'Deactivate Garden room 2' }).click();
    await status(page, 'Garden room 2 deactivated.');
    expect(await prisma.room.findFirstOrThrow({ where: { practiceId: practice.id } })).toMatchObject({ name: 'Garden room 2', active: false });

    // Scheduling rules: out-of-range values explained, then saved.
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Practice settings' }).click();
    await page.getByRole('link', { name: 'Scheduling rules' }).click();
    const horizon = page.getByLabel('Online bookings: at most this many days ahead');
    await expect.poll(() => horizon.inputValue()).not.toBe('');
    await horizon.fill('400');
    await page.getByRole('button', { name: 'Save rules' }).click();
    await page.getByText('Enter 1 to 365 days.').waitFor();
    await horizon.fill('90');
    await page.getByLabel('Offered times start every').selectOption({ label: '60 minutes' });
    await page.getByRole('button', { name: 'Save rules' }).click();
    await status(page, 'Scheduling rules saved.');
    await page.reload();
    await expect.poll(() => page.getByLabel('Online bookings: at most this many days ahead').inputValue()).toBe('90');
    expect(await page.getByLabel('Offered times start every').inputValue()).toBe('60');

    // Clinician hours: the booking link, then the clinician's week (Monday copied to Tuesday–Friday).
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Practice settings' }).click();
    await page.getByRole('link', { name: 'Clinician hours' }).click();
    await page.getByText(`Times are in the practice’s time zone (America/New_York).`).waitFor();
    expect(await page.getByLabel('Online booking link').inputValue()).toBe(`${webUrl}/book/${practice.id}`);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: webUrl });
    await page.getByRole('button', { name: 'Copy link' }).click();
    await status(page, 'Link copied.');
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(`${webUrl}/book/${practice.id}`);
    await page.getByLabel('Clinician').selectOption({ label: 'Dr. Sam Rivera' });
    await page.getByRole('button', { name: 'Add hours on Monday' }).click();
    await page.getByLabel('Monday, block 1: from').fill('09:00');
    await page.getByLabel('Monday, block 1: until').fill('17:00');
    await page.getByRole('button', { name: 'Copy Monday to Tuesday–Friday' }).click();
    // A Saturday block that ends before it starts is refused in place, then removed.
    await page.getByRole('button', { name: 'Add hours on Saturday' }).click();
    await page.getByLabel('Saturday, block 1: until').fill('08:00');
    await page.getByRole('button', { name: 'Save weekly hours' }).click();
    await page.getByText('Saturday: each block must end after it starts.').waitFor();
    await page.getByRole('button', { name: 'Remove Saturday block 1' }).click();
    await page.getByRole('button', { name: 'Save weekly hours' }).click();
    await status(page, 'Weekly hours saved.');
    const hours = await prisma.workingHours.findMany({ where: { clinicianId: clinician.id }, orderBy: { weekday: 'asc' } });
    expect(hours.map((h) => [h.weekday, h.startMinute, h.endMinute])).toEqual([1, 2, 3, 4, 5].map((d) => [d, 540, 1020]));

    // A day off a month ahead, then taken back.
    const day = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('Kind').selectOption('TIME_OFF');
    await page.getByLabel('From', { exact: true }).fill(`${day}T00:00`);
    await page.getByLabel('Until', { exact: true }).fill(`${day}T23:00`);
    await page.getByLabel('Label (optional)').fill('Conference');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await status(page, 'Added.');
    await page.getByText('· Conference').waitFor();
    expect(await prisma.availabilityException.count({ where: { clinicianId: clinician.id, kind: 'TIME_OFF' } })).toBe(1);
    await page.screenshot({ path: `${SCREENSHOTS}/setup-availability.png`, fullPage: true });
    await page.getByRole('button', { name: /^Remove Time off/ }).click();
    await status(page, 'Removed.');
    expect(await prisma.availabilityException.count({ where: { clinicianId: clinician.id } })).toBe(0);

    // The public page now offers the service, with that clinician, at whole hours.
    const visitor = await browser.newPage({ viewport: { width: 390, height: 844 }, timezoneId: 'America/New_York' });
    await visitor.goto(`${webUrl}/book/${practice.id}`);
    await visitor.getByRole('button', { name: /Intake assessment/ }).click();
    await visitor.getByRole('button', { name: 'Dr. Sam Rivera' }).click();
    const times = visitor.locator('.slot-list button');
    await times.first().waitFor();
    for (const label of await times.allTextContents()) expect(label.trim()).toMatch(/^\d{1,2}:00 (AM|PM)$/);
    await visitor.close();
    await page.close();
  });

  it('keeps setup pages and their links from non-admins; clinicians edit only their own hours, the front desk anyone’s', async () => {
    const practice = await createTestPractice();
    const clinician = await createTestStaff(practice, { displayName: 'Dr. Lee Chen' });
    const page = await browser.newPage();
    await signInAs(page, clinician.email);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Practice settings' }).click();
    await page.getByRole('link', { name: 'Note templates' }).waitFor();
    expect(await page.getByRole('link', { name: 'Services' }).count()).toBe(0);
    // A clinician edits only their own hours (My hours, in their account menu): no choosing whose.
    await page.getByRole('button', { name: /account menu/ }).click();
    await page.getByRole('link', { name: 'My hours' }).click();
    await page.getByRole('heading', { name: 'Weekly hours' }).waitFor();
    expect(await page.getByLabel('Clinician').count()).toBe(0);
    expect(await page.getByLabel('Online booking link').count()).toBe(0);
    // The API refuses the admin page's writes; the page says so.
    await page.goto(`${webUrl}/admin/rooms`);
    await page.getByLabel('Room name').fill('Sneaky room');
    await page.getByRole('button', { name: 'Add room' }).click();
    await page.getByRole('alert').filter({ hasText: 'You do not have access to this.' }).waitFor();
    expect(await testPrisma().room.count({ where: { practiceId: practice.id } })).toBe(0);
    await page.close();

    // The front desk chooses whose hours to edit, but gets neither the admin links nor the booking link.
    const desk = await createTestStaff(practice, { roles: ['FRONT_DESK'], displayName: 'Robin Desk' });
    const deskPage = await browser.newPage();
    await signInAs(deskPage, desk.email);
    await deskPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Practice settings' }).click();
    await deskPage.getByRole('link', { name: 'Clinician hours' }).waitFor();
    expect(await deskPage.getByRole('link', { name: 'Rooms' }).count()).toBe(0);
    expect(await deskPage.getByRole('link', { name: 'Note templates' }).count()).toBe(0);
    await deskPage.getByRole('link', { name: 'Clinician hours' }).click();
    await deskPage.getByLabel('Clinician').selectOption({ label: 'Dr. Lee Chen' });
    await deskPage.getByRole('heading', { name: 'Weekly hours' }).waitFor();
    expect(await deskPage.getByLabel('Online booking link').count()).toBe(0);
    await deskPage.close();
  });
});
