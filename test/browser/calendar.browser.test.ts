// The staff calendar in real Chromium: drag an appointment to a free time (saved), drag it onto the
// clinician's other appointment (refused in place, put back), see another user's booking appear
// live, and book through the new-appointment dialog. The practice is in New York and the browser in
// Berlin, so every time checked here proves the calendar works in the practice's zone.
import type { ChildProcess } from 'node:child_process';
import { DateTime } from 'luxon';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestClient, createTestPractice, createTestStaff, TEST_PASSWORD, testPrisma } from '../support/factories';
import { gql, tokenFor } from '../support/graphql-client';
import { dragBy, freePort, launchChromium, SCREENSHOTS, startWebApp } from '../support/browser';
import { startStack, type TestStack } from '../support/stack';
import { waitForSubscriber } from '../support/subscribers';

const ZONE = 'America/New_York';
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

/** A wall time next week in the practice's zone (weekday 1 = Monday), as the instant it is. */
function nextWeek(weekday: number, hour: number, minute = 0): Date {
  return DateTime.now().setZone(ZONE).startOf('week').plus({ weeks: 1, days: weekday - 1 }).set({ hour, minute }).toJSDate();
}

async function signInAs(page: Page, email: string) {
  await page.goto(`${webUrl}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL(/\/today/);
}

async function seed() {
  const prisma = testPrisma();
  const practice = await createTestPractice(undefined, { timeZone: ZONE });
  const desk = await createTestStaff(practice, { roles: ['FRONT_DESK'], displayName: 'Robin Desk' });
  const clinician = await createTestStaff(practice, { displayName: 'Dr. Maya Patel' });
  const dana = await createTestClient(practice, { firstName: 'Dana' });
  const eli = await createTestClient(practice, { firstName: 'Eli' });
  const service = await prisma.service.create({ data: { practiceId: practice.id, name: 'Individual therapy', durationMinutes: 50, priceCents: 15000 } });
  const at = (start: Date, clientId: string) =>
    prisma.appointment.create({ data: { practiceId: practice.id, clientId, clinicianId: clinician.id, serviceId: service.id, startsAt: start, endsAt: new Date(start.getTime() + 50 * 60_000) } });
  const morning = await at(nextWeek(2, 10), dana.id);
  const afternoon = await at(nextWeek(2, 14), eli.id);
  return { practice, desk, clinician, dana, eli, service, morning, afternoon };
}

async function openNextWeek(page: Page) {
  await page.getByRole('link', { name: 'Calendar' }).click();
  await page.waitForURL(/\/calendar/);
  await page.getByRole('button', { name: /next/i }).first().click();
}

describe('staff calendar', () => {
  it('moves an appointment by dragging, refuses a clash in place, and shows another user’s booking live', async () => {
    const { practice, desk, clinician, dana, eli, morning, afternoon, service } = await seed();
    const page = await browser.newPage({ timezoneId: 'Europe/Berlin', viewport: { width: 1400, height: 1000 } });
    await signInAs(page, desk.email);
    await openNextWeek(page);

    const grid = page.locator('.calendar-grid');
    const danaEvent = grid.locator('.appointment-event').filter({ hasText: `Dana ${dana.lastName}` });
    const eliEvent = grid.locator('.appointment-event').filter({ hasText: `Eli ${eli.lastName}` });
    await danaEvent.waitFor();
    await eliEvent.waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/calendar-week.png`, fullPage: true });

    // 10:00 and 14:00 are four hours apart on screen: that gives the height of an hour.
    const danaTop = (await danaEvent.boundingBox())!.y;
    const hour = ((await eliEvent.boundingBox())!.y - danaTop) / 4;
    expect(hour).toBeGreaterThan(20);

    // Onto Eli's session of the same clinician: refused, said in words, and put back.
    await dragBy(page, danaEvent, hour * 4);
    await page.getByRole('alert').filter({ hasText: 'the clinician already has an appointment at that time' }).waitFor();
    await expect.poll(async () => Math.round((await danaEvent.boundingBox())!.y)).toBe(Math.round(danaTop));
    expect((await testPrisma().appointment.findFirst({ where: { id: morning.id } }))!.startsAt).toEqual(morning.startsAt);
    await page.screenshot({ path: `${SCREENSHOTS}/calendar-conflict.png`, fullPage: true });

    // Two hours later, 12:00 New York time: free, so saved.
    await dragBy(page, danaEvent, hour * 2);
    await page.getByRole('status').filter({ hasText: `Dana ${dana.lastName} moved to` }).waitFor();
    await expect
      .poll(async () => (await testPrisma().appointment.findFirst({ where: { id: morning.id } }))!.startsAt.toISOString())
      .toBe(nextWeek(2, 12).toISOString());
    expect((await testPrisma().appointment.findFirst({ where: { id: morning.id } }))!.endsAt.toISOString()).toBe(nextWeek(2, 12, 50).toISOString());
    expect((await testPrisma().appointment.findFirst({ where: { id: afternoon.id } }))!.startsAt).toEqual(afternoon.startsAt);

    // Someone else books Wednesday 11:00 through the API: it appears without a reload.
    await waitForSubscriber(`solace:${practice.id}:appointmentChanged`);
    const other = await createTestClient(practice, { firstName: 'Noor' });
    const booked = await gql(
      stack.routerUrl,
      'mutation ($input: BookAppointmentInput!) { bookAppointment(input: $input) { id } }',
      { input: { clientId: other.id, clinicianId: clinician.id, serviceId: service.id, startsAt: nextWeek(3, 11).toISOString() } },
      await tokenFor(clinician),
    );
    expect(booked.errors).toBeUndefined();
    await grid.locator('.appointment-event').filter({ hasText: `Noor ${other.lastName}` }).waitFor({ timeout: 10_000 });
  });

  it('books through the new-appointment dialog, naming a clash in the dialog', async () => {
    const { desk, dana, eli, clinician, service } = await seed();
    const page = await browser.newPage({ timezoneId: 'Europe/Berlin', viewport: { width: 1400, height: 1000 } });
    await signInAs(page, desk.email);
    await openNextWeek(page);
    const danaBox = (await page.locator('.appointment-event').filter({ hasText: `Dana ${dana.lastName}` }).boundingBox())!;
    const eliBox = (await page.locator('.appointment-event').filter({ hasText: `Eli ${eli.lastName}` }).boundingBox())!;
    const hour = (eliBox.y - danaBox.y) / 4;

    // Clicking an empty time (Wednesday 15:00) opens the dialog at that time; Escape closes it.
    const wednesday = DateTime.fromJSDate(nextWeek(3, 15)).setZone(ZONE);
    const column = (await page.getByRole('columnheader', { name: wednesday.toFormat('MMMM d, yyyy') }).boundingBox())!;
    await page.mouse.click(column.x + column.width / 2, danaBox.y + 5 * hour + 5);
    const dialog = page.getByRole('dialog', { name: 'New appointment' });
    await dialog.waitFor();
    expect(await dialog.getByLabel('Starts').inputValue()).toBe(wednesday.toFormat("yyyy-MM-dd'T'HH:mm"));
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    await page.getByRole('button', { name: 'New appointment' }).click();
    // Typo-tolerant: "Elli" and the last name find Eli.
    await dialog.getByRole('combobox', { name: 'Client' }).fill(`Elli ${eli.lastName}`);
    await dialog.getByRole('option', { name: new RegExp(`${eli.lastName}, Eli`) }).click();
    await dialog.getByLabel('Service').selectOption({ label: 'Individual therapy (50 min)' });
    await dialog.getByLabel('Clinician').selectOption({ label: 'Dr. Maya Patel' });
    // Eli already sees Dr. Patel at 14:00 on Tuesday: 14:30 clashes.
    await dialog.getByLabel('Starts').fill(DateTime.fromJSDate(nextWeek(2, 14, 30)).setZone(ZONE).toFormat("yyyy-MM-dd'T'HH:mm"));
    await dialog.getByRole('button', { name: 'Book appointment' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'already has an appointment at that time' }).waitFor();

    // "Find a time" lists Dr. Patel's next free times inside her hours (9:00–17:00 New York) and fills one in.
    await testPrisma().workingHours.createMany({ data: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ practiceId: desk.practiceId, clinicianId: clinician.id, weekday, startMinute: 540, endMinute: 1020 })) });
    await dialog.getByRole('button', { name: 'Find a time' }).click();
    const freeTimes = dialog.getByRole('region', { name: 'Next free times' }).getByRole('button');
    await freeTimes.first().waitFor();
    await freeTimes.first().click();
    const picked = await dialog.getByLabel('Starts').inputValue();
    const pickedHour = DateTime.fromISO(picked, { zone: ZONE }).hour;
    expect(pickedHour).toBeGreaterThanOrEqual(9);
    expect(pickedHour).toBeLessThan(17);

    await dialog.getByLabel('Starts').fill(DateTime.fromJSDate(nextWeek(4, 9)).setZone(ZONE).toFormat("yyyy-MM-dd'T'HH:mm"));
    await dialog.getByRole('button', { name: 'Book appointment' }).click();
    // Saved: the dialog closes (if not, say what it shows instead).
    await dialog.waitFor({ state: 'hidden' }).catch(async (error: Error) => {
      throw new Error(`${error.message}\nThe dialog says: ${await dialog.getByRole('alert').allTextContents()}`);
    });
    const events = page.locator('.appointment-event').filter({ hasText: `Eli ${eli.lastName}` });
    await expect.poll(() => events.count()).toBe(2);

    const saved = await testPrisma().appointment.findFirst({ where: { clientId: eli.id, startsAt: nextWeek(4, 9) } });
    expect(saved).toMatchObject({ clinicianId: clinician.id, serviceId: service.id, modality: 'IN_PERSON', status: 'SCHEDULED', endsAt: nextWeek(4, 9, 50) });
    await page.screenshot({ path: `${SCREENSHOTS}/calendar-booked.png`, fullPage: true });
  });

  it('opens an appointment from the keyboard to check the client in, and cancels another with the late-cancel warning', async () => {
    const { desk, clinician, dana, eli, service } = await seed();
    const prisma = testPrisma();
    // Later today (or just past midnight): inside the 24-hour late-cancel window.
    const soon = DateTime.now().setZone(ZONE).plus({ hours: 3 }).startOf('hour');
    const make = (start: DateTime, clientId: string) =>
      prisma.appointment.create({ data: { practiceId: desk.practiceId, clientId, clinicianId: clinician.id, serviceId: service.id, startsAt: start.toJSDate(), endsAt: start.plus({ minutes: 50 }).toJSDate() } });
    const checkIn = await make(soon, dana.id);
    const cancel = await make(soon.plus({ hours: 1 }), eli.id);

    const page = await browser.newPage({ timezoneId: 'Europe/Berlin', viewport: { width: 1400, height: 1000 } });
    await signInAs(page, desk.email);
    await page.getByRole('link', { name: 'Calendar' }).click();
    await page.getByRole('tab', { name: 'Day view' }).click();
    const daysAhead = Math.round(soon.startOf('day').diff(DateTime.now().setZone(ZONE).startOf('day'), 'days').days);
    for (let day = 0; day < daysAhead; day++) await page.getByRole('button', { name: 'Next Day' }).click();

    const danaEvent = page.locator('.appointment-event').filter({ hasText: `Dana ${dana.lastName}` }).first();
    await danaEvent.waitFor();
    await danaEvent.focus();
    await page.keyboard.press('Enter');
    const details = page.getByRole('dialog', { name: 'Appointment' });
    await details.getByText('Individual therapy').waitFor();
    await details.getByRole('button', { name: 'Check in' }).click();
    await details.getByRole('status').filter({ hasText: 'Marked checked in.' }).waitFor();
    expect(await prisma.appointment.findFirst({ where: { id: checkIn.id } })).toMatchObject({ status: 'CHECKED_IN', checkedInAt: expect.any(Date) });
    await page.locator('.appointment-event.status-checked_in').filter({ hasText: 'Checked in' }).waitFor();
    await page.keyboard.press('Escape');
    await details.waitFor({ state: 'hidden' });
    // Focus comes back to the calendar, not to the top of the page.
    expect(await page.evaluate<boolean>("!!document.activeElement?.closest('.calendar-grid')")).toBe(true);

    await page.locator('.appointment-event').filter({ hasText: `Eli ${eli.lastName}` }).click();
    await details.getByRole('button', { name: 'Cancel appointment…' }).click();
    await details.getByText('This will count as a late cancellation (less than 24 hours before the start).').waitFor();
    await details.getByLabel('Reason').selectOption({ label: 'Clinician unavailable' });
    await details.getByText('This will not count as a late cancellation.').waitFor();
    await details.getByLabel('Reason').selectOption({ label: 'Client asked' });
    await details.getByLabel(/Note for the desk/).fill('Called at 9, will rebook');
    await details.getByRole('button', { name: 'Cancel appointment', exact: true }).click();
    await details.getByRole('status').filter({ hasText: 'Appointment cancelled (a late cancellation).' }).waitFor();
    expect(await prisma.appointment.findFirst({ where: { id: cancel.id } })).toMatchObject({ status: 'CANCELLED', cancelReason: 'CLIENT_REQUEST', lateCancel: true, cancelNote: 'Called at 9, will rebook' });
    await details.getByRole('button', { name: 'Close' }).click();

    // Struck through in the grid, hidden on request, and listed in the agenda.
    const eliEvent = page.locator('.appointment-event.status-cancelled').filter({ hasText: `Eli ${eli.lastName}` });
    await eliEvent.waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/calendar-day.png`, fullPage: true });
    await page.getByLabel('Show cancelled').uncheck();
    await eliEvent.waitFor({ state: 'detached' });
    await page.getByRole('tab', { name: 'Agenda view' }).click();
    await page.getByText(`Dana ${dana.lastName} (Checked in)`).first().waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/calendar-agenda.png`, fullPage: true });
    await page.getByRole('tab', { name: 'Month view' }).click();
    await page.getByText(`Dana ${dana.lastName} (Checked in)`).first().waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/calendar-month.png`, fullPage: true });
  });

  it('marks completed visits as charged or not charged yet, for roles that see charges', async () => {
    const { desk, dana, eli, morning, afternoon } = await seed();
    const prisma = testPrisma();
    await prisma.appointment.updateMany({ where: { id: { in: [morning.id, afternoon.id] } }, data: { status: 'COMPLETED' } });
    await prisma.charge.create({ data: { practiceId: desk.practiceId, appointmentId: morning.id, clientId: dana.id, cptCode: '90837', amountCents: 15000 } });

    const page = await browser.newPage({ timezoneId: 'Europe/Berlin', viewport: { width: 1400, height: 1000 } });
    await signInAs(page, desk.email);
    await openNextWeek(page);
    await page.getByRole('list', { name: 'Colour key' }).getByText('Completed, not charged yet').waitFor();
    const charged = page.locator('.appointment-event.payment-charged').filter({ hasText: `Dana ${dana.lastName} (Completed) · Charged` });
    await charged.waitFor();
    await page.locator('.appointment-event.payment-due').filter({ hasText: `Eli ${eli.lastName} (Completed) · Not charged yet` }).waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/calendar-payment.png`, fullPage: true });

    await charged.click();
    const details = page.getByRole('dialog', { name: 'Appointment' });
    await details.getByText('Charged $150.00 (CPT 90837)').waitFor();
    // A completed visit offers no status actions and cannot be cancelled.
    expect(await details.getByRole('button', { name: /Check in|Cancel appointment/ }).count()).toBe(0);
  });

  it('keeps wall times and drags right across the spring-forward change of the practice zone', async () => {
    const { practice, desk, clinician, dana, eli, service } = await seed();
    // The next second Sunday of March in New York: 02:00 EST becomes 03:00 EDT.
    let year = DateTime.now().setZone(ZONE).year;
    const changeDay = (y: number) => DateTime.fromObject({ year: y, month: 3, day: 8 }, { zone: ZONE }).plus({ days: (7 - DateTime.fromObject({ year: y, month: 3, day: 8 }).weekday) % 7 });
    if (changeDay(year) < DateTime.now().setZone(ZONE)) year += 1;
    const sunday = changeDay(year);
    const saturday = sunday.minus({ days: 1 });
    const make = (day: DateTime, clientId: string) =>
      testPrisma().appointment.create({
        data: { practiceId: practice.id, clientId, clinicianId: clinician.id, serviceId: service.id, startsAt: day.set({ hour: 10 }).toJSDate(), endsAt: day.set({ hour: 10, minute: 50 }).toJSDate() },
      });
    const before = await make(saturday, dana.id);
    const after = await make(sunday, eli.id);
    expect(after.startsAt.getTime() - before.startsAt.getTime()).toBe(23 * 3600_000);

    const page = await browser.newPage({ timezoneId: 'Europe/Berlin', viewport: { width: 1400, height: 1000 } });
    await signInAs(page, desk.email);
    await page.goto(`${webUrl}/calendar?date=${sunday.toISODate()}`);
    const danaEvent = page.locator('.appointment-event').filter({ hasText: `Dana ${dana.lastName}` });
    const eliEvent = page.locator('.appointment-event').filter({ hasText: `Eli ${eli.lastName}` });
    await danaEvent.waitFor();
    await eliEvent.waitFor();
    // Both at 10:00 on the wall, though 23 hours apart.
    expect(Math.round((await danaEvent.boundingBox())!.y)).toBe(Math.round((await eliEvent.boundingBox())!.y));
    expect(await eliEvent.textContent()).toContain('10:00');

    // A 50-minute event's height gives an hour; an hour down is 11:00 on the wall on both days.
    const hour = ((await danaEvent.boundingBox())!.height * 60) / 50;
    await dragBy(page, eliEvent, hour);
    await page.getByRole('status').filter({ hasText: `Eli ${eli.lastName} moved to` }).waitFor();
    await expect.poll(async () => (await testPrisma().appointment.findFirst({ where: { id: after.id } }))!.startsAt.toISOString()).toBe(sunday.set({ hour: 11 }).toUTC().toISO());
    await dragBy(page, danaEvent, hour);
    await page.getByRole('status').filter({ hasText: `Dana ${dana.lastName} moved to` }).waitFor();
    await expect.poll(async () => (await testPrisma().appointment.findFirst({ where: { id: before.id } }))!.startsAt.toISOString()).toBe(saturday.set({ hour: 11 }).toUTC().toISO());
  });

  it('opens on a clinician’s own diary, and is read-only without payment for a supervisor', async () => {
    const { practice, clinician, dana, eli } = await seed();
    const colleague = await createTestStaff(practice, { displayName: 'Dr. Sam Okafor' });
    const theirs = await createTestClient(practice, { firstName: 'Ari' });
    await testPrisma().appointment.create({
      data: { practiceId: practice.id, clientId: theirs.id, clinicianId: colleague.id, startsAt: nextWeek(2, 12), endsAt: nextWeek(2, 12, 50) },
    });

    const page = await browser.newPage({ timezoneId: 'Europe/Berlin', viewport: { width: 1400, height: 1000 } });
    await signInAs(page, clinician.email);
    await openNextWeek(page);
    await page.locator('.appointment-event').filter({ hasText: `Dana ${dana.lastName}` }).waitFor();
    expect(await page.getByLabel('Clinician').inputValue()).toBe(clinician.id);
    expect(await page.getByLabel('Clinician').getByRole('option', { name: 'All clinicians' }).count()).toBe(0);
    expect(await page.locator('.appointment-event').filter({ hasText: `Ari ${theirs.lastName}` }).count()).toBe(0);
    // A colleague's diary is one choice away.
    await page.getByLabel('Clinician').selectOption({ label: 'Dr. Sam Okafor' });
    await page.locator('.appointment-event').filter({ hasText: `Ari ${theirs.lastName}` }).waitFor();
    await page.locator('.appointment-event').filter({ hasText: `Dana ${dana.lastName}` }).waitFor({ state: 'detached' });

    const supervisor = await createTestStaff(practice, { roles: ['SUPERVISOR'], displayName: 'Dr. Lee Park' });
    const readOnly = await browser.newPage({ timezoneId: 'Europe/Berlin', viewport: { width: 1400, height: 1000 } });
    await signInAs(readOnly, supervisor.email);
    await openNextWeek(readOnly);
    const eliEvent = readOnly.locator('.appointment-event').filter({ hasText: `Eli ${eli.lastName}` });
    await eliEvent.waitFor();
    expect(await readOnly.getByRole('button', { name: 'New appointment' }).count()).toBe(0);
    expect(await readOnly.getByRole('list', { name: 'Colour key' }).getByText('Completed, not charged yet').count()).toBe(0);
    await eliEvent.click();
    const details = readOnly.getByRole('dialog', { name: 'Appointment' });
    await details.getByText('Individual therapy').waitFor();
    expect(await details.getByRole('button', { name: /Check in|Complete|No-show|Cancel appointment/ }).count()).toBe(0);

    // On a phone the calendar opens on one day.
    const phone = await browser.newPage({ timezoneId: 'Europe/Berlin', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await signInAs(phone, clinician.email);
    await phone.goto(`${webUrl}/calendar?date=${DateTime.fromJSDate(nextWeek(2, 10)).setZone(ZONE).toISODate()}`);
    await phone.locator('.appointment-event').filter({ hasText: `Dana ${dana.lastName}` }).waitFor();
    expect(await phone.getByRole('tab', { name: 'Day view', selected: true }).count()).toBe(1);
    await phone.screenshot({ path: `${SCREENSHOTS}/calendar-phone.png`, fullPage: true });
  });
});
