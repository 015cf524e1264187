// The public booking page in real Chromium on a phone-sized screen, as two visitors without
// accounts: one books end to end (the appointment is ONLINE in the database); the other, looking at
// the same times, is told the held time was just taken and no longer sees it. The browser is in
// Berlin and the practice in New York: times must be the practice's.
import type { ChildProcess } from 'node:child_process';
import { Redis } from 'ioredis';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPractice, createTestStaff, testPrisma } from '../support/factories';
import { gql } from '../support/graphql-client';
import { freePort, launchChromium, SCREENSHOTS, startWebApp } from '../support/browser';
import { startStack, type TestStack } from '../support/stack';

const ZONE = 'America/New_York';
const PHONE = { viewport: { width: 390, height: 844 }, timezoneId: 'Europe/Berlin', isMobile: true, hasTouch: true };
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

async function bookablePractice() {
  const prisma = testPrisma();
  const practice = await createTestPractice(undefined, { timeZone: ZONE });
  const clinician = await createTestStaff(practice, { displayName: 'Dr. Maya Patel' });
  await prisma.workingHours.createMany({ data: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ practiceId: practice.id, clinicianId: clinician.id, weekday, startMinute: 9 * 60, endMinute: 17 * 60 })) });
  const service = await prisma.service.create({ data: { practiceId: practice.id, name: 'Individual therapy', durationMinutes: 50, priceCents: 15000, bookableOnline: true } });
  return { practice, clinician, service };
}

/** The first free time, through the API, with the labels the page shows for it (practice zone). */
async function firstFreeTime(practiceId: string, serviceId: string) {
  const answer = await gql(
    stack.routerUrl,
    `query($practiceId: ID!, $serviceId: ID!, $from: DateTimeISO!, $to: DateTimeISO!) { onlineSlots(practiceId: $practiceId, serviceId: $serviceId, from: $from, to: $to) { startsAt } }`,
    { practiceId, serviceId, from: new Date().toISOString(), to: new Date(Date.now() + 7 * 86_400_000).toISOString() },
  );
  const startsAt = (answer.data!.onlineSlots as { startsAt: string }[])[0]!.startsAt;
  return {
    startsAt,
    day: new Intl.DateTimeFormat('en-US', { timeZone: ZONE, weekday: 'long', month: 'long', day: 'numeric' }).format(new Date(startsAt)),
    time: new Intl.DateTimeFormat('en-US', { timeZone: ZONE, hour: 'numeric', minute: '2-digit' }).format(new Date(startsAt)),
  };
}

/** Service, then clinician; with `first`, the clinician step must show it as their first free time. */
async function openTimes(page: Page, practiceId: string, first?: { day: string; time: string }) {
  await page.goto(`${webUrl}/book/${practiceId}`);
  await page.getByRole('button', { name: /Individual therapy/ }).click();
  await expect.poll(() => page.evaluate('document.activeElement?.textContent')).toBe('Who would you like to see?');
  if (first) {
    await page.getByRole('button', { name: 'Dr. Maya Patel' }).getByText(`First free: ${first.day} at ${first.time}`).waitFor();
    await page.getByRole('button', { name: /Anyone available/ }).getByText(`First free: ${first.day} at ${first.time}`).waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/booking-clinicians.png`, fullPage: true });
  }
  await page.getByRole('button', { name: 'Dr. Maya Patel' }).click();
  await page.getByRole('heading', { name: 'Choose a time' }).waitFor();
  await page.getByText(`Times are shown in the practice’s time zone (${ZONE}).`).waitFor();
}

describe('online booking page', () => {
  it('books a held time end to end on a phone, and another visitor loses that time', async () => {
    const { practice, clinician, service } = await bookablePractice();
    const first = await firstFreeTime(practice.id, service.id);
    const visitor = await browser.newPage(PHONE);
    const other = await (await browser.newContext(PHONE)).newPage();

    await visitor.goto(`${webUrl}/book/${practice.id}`);
    await visitor.getByRole('heading', { name: `Book a session with ${practice.name}` }).waitFor();
    await openTimes(visitor, practice.id, first);
    await openTimes(other, practice.id);
    const otherDay = other.getByRole('region', { name: first.day });
    await otherDay.getByRole('button', { name: first.time, exact: true }).waitFor();
    await visitor.screenshot({ path: `${SCREENSHOTS}/booking-times.png`, fullPage: true });

    // Choosing the time holds it; the details step says so and counts down from ten minutes.
    await visitor.getByRole('region', { name: first.day }).getByRole('button', { name: first.time, exact: true }).click();
    await visitor.getByRole('heading', { name: 'Your details' }).waitFor();
    expect(await visitor.evaluate('document.activeElement?.id')).toBe('booking-step');
    await visitor.getByText(`${first.day} at ${first.time} with Dr. Maya Patel is held for you.`).waitFor();
    const clock = visitor.locator('.hold-timer .clock');
    const started = await clock.textContent();
    expect(started).toMatch(/^(10:00|9:[0-5]\d)$/);
    await expect.poll(() => clock.textContent(), { timeout: 5000 }).not.toBe(started);
    await visitor.getByText('10 minutes left to finish.').or(visitor.getByText('9 minutes left to finish.')).first().waitFor({ state: 'attached' });

    // The other visitor still sees the time on screen, but it is gone: told so, and the list refreshed.
    await otherDay.getByRole('button', { name: first.time, exact: true }).click();
    await other.getByRole('alert').filter({ hasText: 'Sorry, that time was just taken. Please choose another.' }).waitFor();
    await expect.poll(() => other.getByRole('region', { name: first.day }).getByRole('button', { name: first.time, exact: true }).count()).toBe(0);
    expect(await other.locator('.slot-list button').count()).toBeGreaterThan(0);

    // Inline validation before anything is sent.
    await visitor.getByRole('button', { name: 'Confirm booking' }).click();
    await visitor.getByText('Enter your first name.').waitFor();
    expect(await visitor.getByLabel('First name').getAttribute('aria-invalid')).toBe('true');
    expect(await visitor.evaluate('document.activeElement?.id')).toBe('booking-firstName');
    await visitor.getByLabel('First name').fill('Dana');
    await visitor.getByLabel('Last name').fill('Whitfield');
    await visitor.getByLabel('Date of birth').fill('1991-02-03');
    await visitor.getByLabel('Email').fill('dana.w@example');
    await visitor.getByLabel('Phone').fill('+1 404 555 0100');
    await visitor.getByRole('button', { name: 'Confirm booking' }).click();
    await visitor.getByText('Enter an email address like name@example.com.').waitFor();
    await visitor.getByLabel('Email').fill('dana.w@example.test');
    await visitor.getByRole('group', { name: 'How would you like to meet?' }).getByLabel('Video').check();
    await visitor.screenshot({ path: `${SCREENSHOTS}/booking-details.png`, fullPage: true });
    await visitor.getByRole('button', { name: 'Confirm booking' }).click();

    await visitor.getByRole('heading', { name: 'You’re booked' }).waitFor();
    const summary = visitor.locator('.booking-summary');
    await expect.poll(() => summary.textContent()).toContain(`${first.day} at ${first.time} (${ZONE})`);
    expect(await summary.textContent()).toContain('Dr. Maya Patel');
    expect(await summary.textContent()).toContain('Individual therapy');
    expect(await summary.textContent()).toContain('Video');
    await visitor.screenshot({ path: `${SCREENSHOTS}/booking-done.png`, fullPage: true });

    const appointment = await testPrisma().appointment.findFirstOrThrow({ where: { practiceId: practice.id, startsAt: new Date(first.startsAt) } });
    expect(appointment).toMatchObject({ clinicianId: clinician.id, serviceId: service.id, bookedVia: 'ONLINE', modality: 'TELEHEALTH', status: 'SCHEDULED' });
    const client = await testPrisma().client.findFirstOrThrow({ where: { id: appointment.clientId } });
    expect(client).toMatchObject({ firstName: 'Dana', lastName: 'Whitfield', email: 'dana.w@example.test' });
    await other.context().close();
    await visitor.close();
  });

  it('changes the held time (the first is freed) and sends a client whose hold lapsed back to the times', async () => {
    const { practice, clinician, service } = await bookablePractice();
    const first = await firstFreeTime(practice.id, service.id);
    const visitor = await browser.newPage(PHONE);
    await openTimes(visitor, practice.id);
    const day = visitor.getByRole('region', { name: first.day });
    await day.getByRole('button', { name: first.time, exact: true }).click();
    await visitor.getByText(`${first.day} at ${first.time} with Dr. Maya Patel is held for you.`).waitFor();

    // Another time instead: the hold moves (replacesHoldId), so the first time is free for others again.
    await visitor.getByRole('button', { name: 'Choose another time' }).click();
    await visitor.getByRole('heading', { name: 'Choose a time' }).waitFor();
    // Paging a week ahead and back again.
    const week = visitor.locator('.week-nav [aria-live]');
    const firstDay = visitor.locator('.slot-day h3').first();
    const [thisWeek, thisFirstDay] = [await week.textContent(), await firstDay.textContent()];
    await visitor.getByRole('button', { name: 'Next week' }).click();
    await expect.poll(() => week.textContent()).not.toBe(thisWeek);
    await expect.poll(() => firstDay.textContent()).not.toBe(thisFirstDay);
    await visitor.getByRole('button', { name: 'Earlier week' }).click();
    await expect.poll(() => week.textContent()).toBe(thisWeek);
    await expect.poll(() => firstDay.textContent()).toBe(thisFirstDay);
    // Back to "who": a first free time is shown with the clinician again (the visitor's own hold now
    // blocks the earliest one); then on to the same week of times.
    await visitor.getByRole('button', { name: 'Back', exact: true }).click();
    await visitor.getByRole('button', { name: 'Dr. Maya Patel' }).getByText(/^First free: .+ at .+$/).waitFor();
    await visitor.getByRole('button', { name: 'Dr. Maya Patel' }).click();
    await expect.poll(() => firstDay.textContent()).toBe(thisFirstDay);
    const buttons = visitor.locator('.slot-list button');
    // Two hours later, so the new hold does not overlap the first time.
    const second = (await buttons.nth(4).textContent())!.trim();
    await buttons.nth(4).click();
    await visitor.getByText(new RegExp(`at ${second} with Dr. Maya Patel is held for you\\.`)).waitFor();
    const free = await gql(
      stack.routerUrl,
      `mutation($practiceId: ID!, $serviceId: ID!, $clinicianId: ID!, $startsAt: DateTimeISO!) { holdOnlineSlot(practiceId: $practiceId, serviceId: $serviceId, clinicianId: $clinicianId, startsAt: $startsAt) { holdId } }`,
      { practiceId: practice.id, serviceId: service.id, clinicianId: clinician.id, startsAt: first.startsAt },
    );
    expect(free.errors).toBeUndefined();

    // The visitor's hold lapses (its key is gone from Redis) before they confirm: back to the times, told why.
    const redis = new Redis(process.env.REDIS_URL!);
    try {
      for (const key of await redis.keys('solace:hold:*')) {
        const hold = JSON.parse((await redis.get(key)) ?? '{}') as { practiceId?: string; holdId?: string };
        if (hold.practiceId === practice.id && hold.holdId !== free.data!.holdOnlineSlot.holdId) await redis.del(key);
      }
    } finally {
      redis.disconnect();
    }
    await visitor.getByLabel('First name').fill('Noor');
    await visitor.getByLabel('Last name').fill('Haddad');
    await visitor.getByLabel('Date of birth').fill('1988-07-14');
    await visitor.getByLabel('Email').fill('noor.h@example.test');
    await visitor.getByLabel('Phone').fill('+1 404 555 0111');
    await visitor.getByRole('button', { name: 'Confirm booking' }).click();
    await visitor.getByRole('alert').filter({ hasText: 'Your hold on the time ran out. Please choose a time again.' }).waitFor();
    expect(await visitor.evaluate('document.activeElement?.textContent')).toBe('Choose a time');
    expect(await testPrisma().appointment.count({ where: { practiceId: practice.id } })).toBe(0);
    await visitor.close();
  });

  it('says kindly when a booking link leads nowhere', async () => {
    const page = await browser.newPage(PHONE);
    await page.goto(`${webUrl}/book/00000000-0000-4000-8000-000000000000`);
    await page.getByRole('heading', { name: 'Booking page not found' }).waitFor();
    await page.getByText('This booking link does not lead to a practice.').waitFor();
    await page.close();
  });
});
