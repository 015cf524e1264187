// Google Calendar on the account page, in real Chromium. Google's consent screen is answered by
// Playwright (the browser is offline) and the test opens the callback page the way Google returns
// to it; Google's token endpoint is faked with msw in this process, where the subgraphs run.
import { FetchInterceptor } from '@mswjs/interceptors/fetch';
import { SetupServerApi } from 'msw/node';
import type { ChildProcess } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { googleFake } from '../../workers/src/calendar-sync/google-fake';
import { freePort, launchChromium, SCREENSHOTS, startWebApp } from '../support/browser';
import { createTestPractice, createTestStaff, TEST_PASSWORD, testPrisma } from '../support/factories';
import { gql, tokenFor } from '../support/graphql-client';
import { startStack, type TestStack } from '../support/stack';

const google = googleFake();
process.env.SOLACE_GOOGLE_CLIENT_ID = google.client.id;
process.env.SOLACE_GOOGLE_CLIENT_SECRET = google.client.secret;
// Only fetch is intercepted (what the Google provider uses); the router and web app are left alone.
const server = new SetupServerApi(google.handlers, [new FetchInterceptor()]);
let stack: TestStack;
let web: ChildProcess;
let webUrl: string;
let browser: Browser;

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'bypass' });
  const port = await freePort();
  webUrl = `http://127.0.0.1:${port}`;
  // Google returns to the first web origin's /account/google-calendar.
  process.env.SOLACE_WEB_ORIGINS = webUrl;
  stack = await startStack({ allowedOrigins: [webUrl] });
  web = await startWebApp({ port, routerUrl: stack.routerUrl, readyPath: '/login' });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  web?.kill('SIGTERM');
  await stack?.stop();
  server.close();
});

async function signInAs(page: Page, email: string) {
  await page.goto(`${webUrl}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL(/\/today/);
}

const startConnection = async (token: string) => {
  const started = await gql<{ startGoogleCalendarConnection: string }>(stack.routerUrl, 'mutation { startGoogleCalendarConnection }', {}, token);
  expect(started.errors).toBeUndefined();
  const url = new URL(started.data!.startGoogleCalendarConnection);
  expect(url.searchParams.get('redirect_uri')).toBe(`${webUrl}/account/google-calendar`);
  return url.searchParams.get('state')!;
};

describe('Google Calendar in the browser', () => {
  it('completes the connection on the callback page, shows it on the account page, and disconnects', async () => {
    const practice = await createTestPractice(undefined, { timeZone: 'UTC' });
    const clinician = await createTestStaff(practice, { displayName: 'Dr. Maya Patel' });
    const token = await tokenFor(clinician);
    const page = await browser.newPage({ timezoneId: 'UTC' });
    await signInAs(page, clinician.email);

    await page.goto(`${webUrl}/account/security`);
    const section = page.getByRole('region', { name: 'Google Calendar' });
    await section.getByText('Not connected.').waitFor();
    expect(await section.getByRole('button', { name: 'Connect Google Calendar' }).isEnabled()).toBe(true);

    // Google refused the code: the page says so and links back.
    await page.goto(`${webUrl}/account/google-calendar?code=bad-code&state=${await startConnection(token)}`);
    await page.getByText('Google did not accept the connection').waitFor();
    expect(await page.getByRole('link', { name: 'Back to your account' }).count()).toBe(1);
    // The person said no on Google's screen.
    await page.goto(`${webUrl}/account/google-calendar?error=access_denied`);
    await page.getByText('access was not granted').waitFor();

    // Connect sends the browser to Google's consent screen (answered here by Playwright, offline),
    // with the state Solace expects back; Google would then return with a code.
    await page.goto(`${webUrl}/account/security`);
    await page.route('https://accounts.google.com/**', (route) => route.fulfill({ contentType: 'text/html', body: '<h1>Google consent (fake)</h1>' }));
    await section.getByRole('button', { name: 'Connect Google Calendar' }).click();
    await page.waitForURL(/^https:\/\/accounts\.google\.com\//);
    const consent = new URL(page.url());
    expect(consent.searchParams.get('redirect_uri')).toBe(`${webUrl}/account/google-calendar`);
    await page.goto(`${webUrl}/account/google-calendar?code=good-code&state=${consent.searchParams.get('state')}`);
    await page.getByText('Google Calendar is connected.').waitFor();
    // The single-use code does not stay in the address bar.
    await expect.poll(() => new URL(page.url()).search).toBe('');
    await page.screenshot({ path: `${SCREENSHOTS}/google-calendar-connected.png`, fullPage: true });
    const connection = await testPrisma().calendarConnection.findFirstOrThrow({ where: { clinicianId: clinician.id } });
    expect(connection.practiceId).toBe(practice.id);

    await page.getByRole('link', { name: 'Back to your account' }).click();
    await page.waitForURL(/\/account\/security/);
    await section.getByText(/Connected since/).waitFor();

    // A grant revoked at Google shows the error with Reconnect.
    await testPrisma().calendarConnection.update({ where: { id: connection.id }, data: { lastError: 'invalid_grant' } });
    await page.reload();
    await section.getByText(/The last sync failed \(invalid_grant\)/).waitFor();
    expect(await section.getByRole('button', { name: 'Reconnect' }).count()).toBe(1);

    page.once('dialog', (dialog) => void dialog.accept());
    await section.getByRole('button', { name: 'Disconnect' }).click();
    await section.getByText('Google Calendar is disconnected.').waitFor();
    await section.getByText('Not connected.').waitFor();
    expect(await testPrisma().calendarConnection.count({ where: { clinicianId: clinician.id } })).toBe(0);
    await page.close();
  });
});
