// An installation without Google credentials: the account page says kindly whom to ask instead of
// sending the clinician to Google, and a stray callback says the same.
import type { ChildProcess } from 'node:child_process';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, launchChromium, startWebApp } from '../support/browser';
import { createTestPractice, createTestStaff, TEST_PASSWORD } from '../support/factories';
import { startStack, type TestStack } from '../support/stack';

delete process.env.SOLACE_GOOGLE_CLIENT_ID;
delete process.env.SOLACE_GOOGLE_CLIENT_SECRET;
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

describe('Google Calendar not set up', () => {
  it('tells the clinician to ask the administrator', async () => {
    const practice = await createTestPractice(undefined, { timeZone: 'UTC' });
    const clinician = await createTestStaff(practice);
    const page = await browser.newPage({ timezoneId: 'UTC' });
    await page.goto(`${webUrl}/login`);
    await page.getByLabel('Email').fill(clinician.email);
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL(/\/today/);

    await page.goto(`${webUrl}/account/security`);
    const section = page.getByRole('region', { name: 'Google Calendar' });
    await section.getByRole('button', { name: 'Connect Google Calendar' }).click();
    await section.getByRole('alert').filter({ hasText: 'Ask your administrator to set up Google Calendar.' }).waitFor();
    expect(page.url()).toBe(`${webUrl}/account/security`);

    await page.goto(`${webUrl}/account/google-calendar?code=some-code&state=some-state`);
    await page.getByText('Ask your administrator to set up Google Calendar.').waitFor();
    expect(await page.getByRole('link', { name: 'Back to your account' }).count()).toBe(1);
    await page.close();
  });
});
