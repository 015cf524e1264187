// Recurring series in the staff calendar (real Chromium): the front desk books a weekly series from
// the new-appointment dialog, one clashing week is listed instead of booked, dragging a session asks
// which sessions move, and cancelling "this and the following sessions" from one session's details
// ends the series there.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { dragBy, SCREENSHOTS } from '../support/browser';
import { browserSuite } from '../support/browser-suite';
import { createTestClient, createTestPractice, createTestStaff, testPrisma } from '../support/factories';

const ZONE = 'America/New_York';
const suite = browserSuite();

describe('recurring series in the calendar', () => {
  it('books a weekly series, lists the clashing week, and cancels this and the following sessions', async () => {
    const prisma = testPrisma();
    const practice = await createTestPractice(undefined, { timeZone: ZONE });
    const desk = await createTestStaff(practice, { roles: ['FRONT_DESK'] });
    await createTestStaff(practice, { displayName: 'Dr. Maya Patel' });
    const maya = await prisma.staffUser.findFirstOrThrow({ where: { practiceId: practice.id, displayName: 'Dr. Maya Patel' } });
    const dana = await createTestClient(practice, { firstName: 'Dana' });
    const other = await createTestClient(practice, { firstName: 'Omar' });
    await prisma.service.create({ data: { practiceId: practice.id, name: 'Individual therapy', durationMinutes: 50, priceCents: 15000 } });
    // Thursdays at 10:00 New York time from next week; the third Thursday is already taken.
    const first = DateTime.now().setZone(ZONE).startOf('week').plus({ weeks: 1, days: 3 }).set({ hour: 10 });
    const taken = first.plus({ weeks: 2 }).toJSDate();
    await prisma.appointment.create({ data: { practiceId: practice.id, clientId: other.id, clinicianId: maya.id, startsAt: taken, endsAt: new Date(taken.getTime() + 50 * 60_000) } });

    const page = await suite.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await suite.signInAs(page, desk.email);
    await page.getByRole('link', { name: 'Calendar' }).click();
    await page.waitForURL(/\/calendar/);
    await page.getByRole('button', { name: 'New appointment' }).click();
    const dialog = page.getByRole('dialog', { name: 'New appointment' });
    await dialog.getByRole('combobox', { name: 'Client' }).fill(`Dana ${dana.lastName}`);
    await dialog.getByRole('option', { name: new RegExp(`${dana.lastName}, Dana`) }).click();
    await dialog.getByLabel('Service').selectOption({ label: 'Individual therapy (50 min)' });
    await dialog.getByLabel('Clinician').selectOption({ label: 'Dr. Maya Patel' });
    await dialog.getByLabel('Starts').fill(first.toFormat("yyyy-MM-dd'T'HH:mm"));
    await dialog.getByLabel('Repeat').selectOption({ label: 'Every week' });
    await dialog.getByLabel('Number of sessions').fill('4');

    // All or none by default: the clash is named and nothing is booked.
    await dialog.getByRole('button', { name: 'Book appointment' }).click();
    await dialog.getByRole('alert').filter({ hasText: '1 of these sessions clash' }).waitFor({ timeout: 10_000 }).catch(async (error: Error) => {
      throw new Error(`${error.message}\nThe dialog says: ${await dialog.innerText()}`);
    });
    expect(await prisma.appointment.count({ where: { clientId: dana.id } })).toBe(0);

    await dialog.getByLabel('If some sessions clash, book the free ones and list the others').check();
    await dialog.getByRole('button', { name: 'Book appointment' }).click();
    await dialog.getByRole('status').filter({ hasText: '1 session was not booked' }).waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/calendar-series-skipped.png`, fullPage: true });
    const booked = await prisma.appointment.findMany({ where: { clientId: dana.id }, orderBy: { startsAt: 'asc' } });
    expect(booked.map((a) => DateTime.fromJSDate(a.startsAt).setZone(ZONE).toFormat('ccc HH:mm'))).toEqual(['Thu 10:00', 'Thu 10:00', 'Thu 10:00']);
    expect(new Set(booked.map((a) => a.seriesId)).size).toBe(1);
    await page.keyboard.press('Escape');

    // Drag the second session an hour later: asked which sessions, "this and the following" moves
    // the second and the last (the first stays); "keep as it was" on another drag changes nothing.
    await page.goto(`${suite.webUrl}/calendar?date=${first.plus({ weeks: 1 }).toFormat('yyyy-MM-dd')}`);
    const second = page.locator('.appointment-event').filter({ hasText: `Dana ${dana.lastName}` });
    const hour = ((await second.boundingBox())!.height * 60) / 50;
    const top = (await second.boundingBox())!.y;
    await dragBy(page, second, hour);
    const moveDialog = page.getByRole('dialog', { name: 'Move a session of a series' });
    await moveDialog.getByText('Which sessions?', { exact: false }).waitFor();
    await moveDialog.getByLabel('This and the following sessions').check();
    await moveDialog.getByRole('button', { name: 'Move' }).click();
    await page.getByRole('status').filter({ hasText: '2 sessions moved.' }).waitFor();
    const moved = await prisma.appointment.findMany({ where: { clientId: dana.id }, orderBy: { startsAt: 'asc' } });
    expect(moved.map((a) => DateTime.fromJSDate(a.startsAt).setZone(ZONE).toFormat('ccc HH:mm'))).toEqual(['Thu 10:00', 'Thu 11:00', 'Thu 11:00']);
    // Drag again once the calendar shows the session at its new time.
    await expect.poll(async () => (await second.boundingBox())!.y - top).toBeGreaterThan(hour / 2);
    await dragBy(page, second, hour);
    await moveDialog.getByRole('button', { name: 'Keep as it was' }).click();
    await moveDialog.waitFor({ state: 'hidden' });
    expect((await prisma.appointment.findMany({ where: { clientId: dana.id }, orderBy: { startsAt: 'asc' } })).map((a) => a.startsAt)).toEqual(moved.map((a) => a.startsAt));

    // Open the second session and cancel it and the following ones.
    await second.click();
    const details = page.getByRole('dialog', { name: 'Appointment' });
    await details.getByText('Part of a series').waitFor();
    // The reminder log is part of the details (nothing sent yet for a visit weeks away).
    await details.getByRole('region', { name: 'Reminders' }).getByText('No reminder attempts yet.').waitFor();
    page.once('dialog', (confirm) => void confirm.accept());
    await details.getByRole('button', { name: 'Cancel this and the following sessions' }).click();
    await details.getByRole('status').filter({ hasText: '2 sessions cancelled.' }).waitFor();
    const after = await prisma.appointment.findMany({ where: { clientId: dana.id }, orderBy: { startsAt: 'asc' } });
    expect(after.map((a) => a.status)).toEqual(['SCHEDULED', 'CANCELLED', 'CANCELLED']);
  });
});
