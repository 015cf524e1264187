// An admin changes the practice's reminder settings in real Chromium and sees them saved.
import type { ChildProcess } from 'node:child_process';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPractice, createTestStaff, TEST_PASSWORD, testPrisma } from '../support/factories';
import { freePort, launchChromium, startWebApp } from '../support/browser';
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

describe('reminder settings in the browser', () => {
  it('lets an admin choose channels, times and quiet hours, explains a refused value, and saves', async () => {
    const practice = await createTestPractice(undefined, { timeZone: 'UTC' });
    const admin = await createTestStaff(practice, { roles: ['ADMIN'] });
    const page = await browser.newPage({ timezoneId: 'UTC' });
    await page.goto(`${webUrl}/login`);
    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL(/\/today/);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Practice settings' }).click();
    await page.getByRole('region', { name: 'Client communication' }).getByRole('link', { name: 'Reminders' }).click();
    await page.waitForURL(/\/admin\/reminders/);
    await expect.poll(() => page.getByLabel('Reminder 1: how long before').inputValue()).toBe('2');
    expect(await page.getByLabel('Reminder 1: unit').inputValue()).toBe('days');
    expect(await page.getByLabel('Reminder 2: how long before').inputValue()).toBe('2');
    expect(await page.getByLabel('Reminder 2: unit').inputValue()).toBe('hours');
    expect(await page.getByLabel('Text message (SMS)').isChecked()).toBe(true);
    expect(await page.getByLabel('From').inputValue()).toBe('21:00');

    // A reminder 10 minutes before is refused, with the rule it breaks.
    await page.getByLabel('Reminder 2: how long before').fill('10');
    await page.getByLabel('Reminder 2: unit').selectOption('minutes');
    await page.getByRole('button', { name: 'Save reminder settings' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('between 15 minutes and 14 days');

    await page.getByLabel('Text message (SMS)').uncheck();
    await page.getByLabel('Reminder 2: how long before').fill('3');
    await page.getByLabel('Reminder 2: unit').selectOption('hours');
    await page.getByRole('button', { name: 'Add a reminder' }).click();
    await page.getByLabel('Reminder 3: how long before').fill('30');
    await page.getByLabel('Reminder 3: unit').selectOption('minutes');
    await page.getByLabel('From').fill('22:30');
    await page.getByLabel('Until').fill('07:00');
    await page.getByRole('button', { name: 'Save reminder settings' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'saved' }).count()).toBe(1);
    expect(await page.getByRole('alert').textContent()).toBe('');

    expect(await testPrisma().reminderSettings.findFirst({ where: { practiceId: practice.id }, select: { enabled: true, channels: true, offsetsMinutes: true, quietHoursStart: true, quietHoursEnd: true } })).toEqual({
      enabled: true,
      channels: ['EMAIL'],
      offsetsMinutes: [2880, 180, 30],
      quietHoursStart: '22:30',
      quietHoursEnd: '07:00',
    });
    await page.reload();
    await expect.poll(() => page.getByLabel('Reminder 2: how long before').inputValue()).toBe('3');
    expect(await page.getByLabel('Text message (SMS)').isChecked()).toBe(false);
    expect(await page.getByLabel('Until').inputValue()).toBe('07:00');
    await page.close();
  });
});
