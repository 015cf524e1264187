// Staff account security in real Chromium: two-step verification set up during sign-in when the
// practice requires it, and a passkey registered on the account page and then used to sign in
// (Chromium's virtual authenticator stands in for Touch ID), plus the sessions list.
import type { ChildProcess } from 'node:child_process';
import { generate } from 'otplib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, launchChromium, SCREENSHOTS, startWebApp } from '../support/browser';
import { createTestPractice, createTestStaff, TEST_PASSWORD, testPrisma } from '../support/factories';
import { gql } from '../support/graphql-client';
import { startStack, type TestStack } from '../support/stack';

let stack: TestStack;
let web: ChildProcess;
let webUrl: string;
let browser: Browser;

beforeAll(async () => {
  const port = await freePort();
  // WebAuthn needs a domain (localhost), not an IP address: passkeys are bound to it.
  webUrl = `http://localhost:${port}`;
  process.env.SOLACE_WEB_ORIGINS = webUrl;
  process.env.SOLACE_PASSKEY_RP_ID = 'localhost';
  stack = await startStack({ allowedOrigins: [webUrl] });
  web = await startWebApp({ port, routerUrl: stack.routerUrl });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  web?.kill('SIGTERM');
  await stack?.stop();
});

async function withVirtualAuthenticator(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true },
  });
}

async function passwordStep(page: Page, email: string) {
  await page.goto(`${webUrl}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

describe('account security in the browser', () => {
  it('sets up an authenticator app during sign-in when the practice requires it', async () => {
    const staff = await createTestStaff(await createTestPractice(undefined, { staffMfaRequired: true }));
    const page = await browser.newPage();
    await passwordStep(page, staff.email);
    await page.getByText('Your practice requires two-step verification').waitFor();
    const secret = (await page.getByTestId('mfa-secret').textContent())!.trim();
    await page.getByLabel('Code from the app').fill(await generate({ secret }));
    await page.getByRole('button', { name: 'Turn on' }).click();
    await page.getByText('Two-step verification is on.').waitFor();
    expect(await page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem').count()).toBe(10);
    await page.screenshot({ path: `${SCREENSHOTS}/mfa-enrolment-at-sign-in.png`, fullPage: true });
    await page.getByRole('button', { name: 'Continue to Solace' }).click();
    await page.waitForURL(/\/today/);
    const stored = await testPrisma().staffUser.findFirstOrThrow({ where: { id: staff.id }, select: { mfaEnabledAt: true } });
    expect(stored.mfaEnabledAt).not.toBeNull();
  });

  it('registers a passkey on the account page and signs in with it, with no password', async () => {
    const staff = await createTestStaff(await createTestPractice(), { displayName: 'Dr. Maya Patel' });
    const page = await browser.newPage();
    await withVirtualAuthenticator(page);

    await passwordStep(page, staff.email);
    await page.waitForURL(/\/today/);
    await page.getByRole('button', { name: /account menu/ }).click();
    await page.getByRole('link', { name: 'My account and security' }).click();
    const passkeys = page.getByRole('region', { name: 'Passkeys' });
    await passkeys.getByText('No passkeys yet.').waitFor();
    await passkeys.getByLabel('Name for a new passkey').fill('Work laptop');
    await passkeys.getByRole('button', { name: 'Add a passkey' }).click();
    await passkeys.getByRole('status').filter({ hasText: 'Passkey added' }).waitFor();
    await passkeys.getByText('Work laptop').waitFor();
    const sessions = page.getByRole('region', { name: 'Where you are signed in' });
    await sessions.getByText('This device').waitFor();
    const calendar = page.getByRole('region', { name: 'Calendar subscription' });
    await calendar.getByRole('button', { name: 'Create calendar link' }).click();
    await expect.poll(() => calendar.getByLabel('Calendar link').inputValue()).toMatch(/\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    await page.screenshot({ path: `${SCREENSHOTS}/account-security.png`, fullPage: true });

    await page.getByRole('button', { name: /account menu/ }).click();
    await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/login/);
    await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
    await page.waitForURL(/\/today/);
    await page.getByText('Dr. Maya Patel').first().waitFor();
    const stored = await testPrisma().passkey.findFirstOrThrow({ where: { userId: staff.id }, select: { name: true, lastUsedAt: true, counter: true } });
    expect(stored.name).toBe('Work laptop');
    expect(stored.lastUsedAt).not.toBeNull();
  });

  it('signs another device out from the account page; where two-step verification is required, a passkey holder is sent to the passkey', async () => {
    const practice = await createTestPractice();
    const staff = await createTestStaff(practice, { displayName: 'Dr. Sam Okafor' });
    // Another device, signed in through the API.
    const LOGIN = 'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }';
    const otherDevice = (await gql(stack.routerUrl, LOGIN, { e: staff.email, p: TEST_PASSWORD })).data!.login.accessToken as string;
    const page = await browser.newPage();
    await withVirtualAuthenticator(page);
    await passwordStep(page, staff.email);
    await page.waitForURL(/\/today/);
    await page.getByRole('button', { name: /account menu/ }).click();
    await page.getByRole('link', { name: 'My account and security' }).click();

    const sessions = page.getByRole('region', { name: 'Where you are signed in' });
    await sessions.getByText('This device').waitFor();
    await sessions.getByRole('button', { name: 'Sign out' }).click();
    await sessions.getByRole('status').filter({ hasText: 'That device is signed out.' }).waitFor();
    expect(await sessions.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
    expect((await gql(stack.routerUrl, '{ me { id } }', {}, otherDevice)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const passkeys = page.getByRole('region', { name: 'Passkeys' });
    await passkeys.getByLabel('Name for a new passkey').fill('Phone');
    await passkeys.getByRole('button', { name: 'Add a passkey' }).click();
    await passkeys.getByText('Phone').waitFor();
    await testPrisma().practice.update({ where: { id: practice.id }, data: { staffMfaRequired: true } });
    await page.getByRole('button', { name: /account menu/ }).click();
    await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/login/);

    await passwordStep(page, staff.email);
    await page.getByRole('alert').filter({ hasText: 'yours is a passkey' }).waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/passkey-required.png`, fullPage: true });
    await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
    await page.waitForURL(/\/today/);
    await page.getByText('Dr. Sam Okafor').first().waitFor();
  });
});
