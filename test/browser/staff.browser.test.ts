// Staff in real Chromium: sign-in and lockout, Today, a message arriving live, the audit log,
// choosing a password through an emailed link, and two-step verification (TOTP).
import type { ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { generate } from 'otplib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestAppointment, createTestClient, createTestPractice, createTestStaff, TEST_PASSWORD, testPrisma } from '../support/factories';
import { gql } from '../support/graphql-client';
import { freePort, launchChromium, SCREENSHOTS, startWebApp } from '../support/browser';
import { startStack, type TestStack } from '../support/stack';
import { waitForSubscriber } from '../support/subscribers';

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

/** The sign-in form, the way a person fills it in, ending on Today. */
async function signInAs(page: Page, email: string) {
  await page.goto(`${webUrl}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL(/\/today/);
}

describe('clinician in the browser', () => {
  it('signs in, sees Today, and sees a message arrive live', async () => {
    const practice = await createTestPractice(undefined, { timeZone: 'UTC' });
    const clinician = await createTestStaff(practice, { displayName: 'Dr. Maya Patel' });
    const client = await createTestClient(practice, { firstName: 'Dana' });
    const today = new Date();
    today.setUTCHours(12, 0, 0, 0);
    await createTestAppointment(practice, client, clinician, { startsAt: today });
    const thread = await testPrisma().thread.create({ data: { practiceId: practice.id, clientId: client.id, subject: 'Between sessions' } });

    const page = await browser.newPage({ timezoneId: 'UTC' });
    await page.goto(`${webUrl}/today`);
    await page.waitForURL(/\/login/);
    await page.getByLabel('Email').fill(clinician.email);
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL(/\/today/);
    const row = page.getByRole('list', { name: "Today's appointments" }).getByText(`Dana ${client.lastName}`);
    await row.waitFor();
    expect(await page.getByText('12:00').count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${SCREENSHOTS}/today.png`, fullPage: true });

    await page.getByRole('link', { name: 'Messages' }).click();
    await page.getByRole('link', { name: new RegExp(`Dana ${client.lastName}`) }).click();
    await page.getByText('No messages in this conversation yet.').waitFor();
    await waitForSubscriber(`solace:${practice.id}:messageAdded:${thread.id}`);

    // Another device of the practice sends a message through the API.
    const login = await gql<{ login: { accessToken: string } }>(stack.routerUrl, 'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }', { e: clinician.email, p: TEST_PASSWORD });
    const sent = await gql(stack.routerUrl, 'mutation ($t: ID!) { sendMessage(threadId: $t, body: "Running five minutes late, sorry!") { id } }', { t: thread.id }, login.data!.login.accessToken);
    expect(sent.errors).toBeUndefined();

    const arrived = page.getByRole('list', { name: 'Messages' }).getByText('Running five minutes late, sorry!');
    await arrived.waitFor({ timeout: 10_000 });
    expect(await arrived.count()).toBe(1);
    await page.screenshot({ path: `${SCREENSHOTS}/thread.png`, fullPage: true });

    // The composer sends too, and the message shows once (mutation result and live event dedupe).
    await page.getByLabel('Write a message').fill('See you at noon.');
    await page.keyboard.press('Control+Enter');
    await page.getByRole('list', { name: 'Messages' }).getByText('See you at noon.').waitFor();
    await page.waitForTimeout(300);
    expect(await page.getByRole('list', { name: 'Messages' }).getByText('See you at noon.').count()).toBe(1);
  });

  it('says when the password is wrong, and locks the account after five failures', async () => {
    const practice = await createTestPractice();
    const clinician = await createTestStaff(practice);
    const page = await browser.newPage();
    await page.goto(`${webUrl}/login`);
    await page.getByLabel('Email').fill(clinician.email);
    for (let attempt = 1; attempt <= 4; attempt++) {
      await page.getByLabel('Password').fill(`not-the-password-${attempt}`);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.getByRole('alert').filter({ hasText: 'The email or password is incorrect.' }).waitFor();
      await expect.poll(() => page.getByRole('button', { name: 'Sign in', exact: true }).isEnabled()).toBe(true);
    }
    await page.getByLabel('Password').fill('not-the-password-5');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'locked for 15 minutes' }).waitFor();
    // Even the right password is refused while the lock lasts.
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'locked for 15 minutes' }).waitFor();
    expect(page.url()).toContain('/login');
    await page.screenshot({ path: `${SCREENSHOTS}/locked.png` });
  });

  it('lets an admin page the audit log and verify its integrity', async () => {
    const practice = await createTestPractice();
    const admin = await createTestStaff(practice, { roles: ['ADMIN'], displayName: 'Avi Cohen' });
    const client = await createTestClient(practice);
    const login = await gql<{ login: { accessToken: string } }>(stack.routerUrl, 'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }', { e: admin.email, p: TEST_PASSWORD });
    await gql(stack.routerUrl, 'query ($id: ID!) { client(id: $id) { firstName } }', { id: client.id }, login.data!.login.accessToken);

    const page = await browser.newPage();
    await signInAs(page, admin.email);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Practice settings' }).click();
    await page.getByRole('link', { name: 'Audit log' }).click();
    const row = page.getByRole('row').filter({ hasText: `Client ${client.id.slice(0, 8)}` });
    await row.waitFor();
    expect(await row.textContent()).toContain('Avi Cohen');
    expect(await row.textContent()).toContain('READ');

    await page.getByLabel('Record type').selectOption('Message');
    await page.getByText('No entries match.').waitFor();
    await page.getByLabel('Record type').selectOption('Client');
    await row.waitFor();

    await page.getByRole('button', { name: 'Verify integrity' }).click();
    await page.getByRole('status').filter({ hasText: 'Intact' }).waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/audit.png`, fullPage: true });
  });

  it('sets a password through an emailed link, showing which rules a weak one breaks', async () => {
    const staff = await createTestStaff(await createTestPractice());
    const token = randomBytes(32).toString('base64url');
    await testPrisma().passwordToken.create({
      data: { practiceId: staff.practiceId, userId: staff.id, purpose: 'RESET', tokenHash: createHash('sha256').update(token).digest('hex'), expiresAt: new Date(Date.now() + 600_000) },
    });
    const page = await browser.newPage();
    await page.goto(`${webUrl}/login`);
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByRole('heading', { name: 'Reset your password' }).waitFor();
    await page.getByLabel('Email').fill(staff.email);
    await page.getByRole('button', { name: 'Email me a link' }).click();
    await page.getByRole('status').filter({ hasText: 'a link is on its way' }).waitFor();

    await page.goto(`${webUrl}/set-password?token=${token}`);
    await page.getByLabel('New password').fill('sunshine');
    await page.getByLabel('Repeat the password').fill('sunshine');
    await page.getByRole('button', { name: 'Save password' }).click();
    await page.getByText('Use at least 12 characters.').waitFor();
    await page.getByText('This password is too common; choose another.').waitFor();

    await page.getByLabel('New password').fill('Quiet-river-stone-58');
    await page.getByLabel('Repeat the password').fill('Quiet-river-stone-58');
    await page.getByRole('button', { name: 'Save password' }).click();
    await page.getByRole('status').filter({ hasText: 'Your password is set' }).waitFor();
    await page.getByRole('link', { name: 'Sign in' }).click();
    await page.getByLabel('Email').fill(staff.email);
    await page.getByLabel('Password').fill('Quiet-river-stone-58');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL(/\/today/);
  });

  it('turns on two-step verification and signs in with a TOTP code', async () => {
    const staff = await createTestStaff(await createTestPractice(), { displayName: 'Dr. Sam Okafor' });
    const page = await browser.newPage();
    await signInAs(page, staff.email);

    await page.getByRole('button', { name: /account menu/ }).click();
    await page.getByRole('link', { name: 'My account and security' }).click();
    await page.getByRole('button', { name: 'Set up two-step verification' }).click();
    await page.getByRole('img', { name: 'QR code to scan with your authenticator app' }).waitFor();
    const secret = (await page.getByTestId('mfa-secret').textContent())!.trim();
    await page.getByLabel('Code from the app').fill(await generate({ secret }));
    await page.getByRole('button', { name: 'Turn on' }).click();
    await page.getByText('Two-step verification is on.').waitFor();
    expect(await page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem').count()).toBe(10);
    await page.screenshot({ path: `${SCREENSHOTS}/mfa-enabled.png`, fullPage: true });

    await page.getByRole('button', { name: /account menu/ }).click();
    await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/login/);
    await page.getByLabel('Email').fill(staff.email);
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByLabel('Authentication code').fill('000000');
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('alert').filter({ hasText: 'That code is not valid' }).waitFor();
    // The next 30-second step's code: the enrollment code may not be used twice.
    await page.getByLabel('Authentication code').fill(await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 }));
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.waitForURL(/\/today/);
  });

  it('lets an admin invite a colleague, change their roles and deactivate them', async () => {
    const practice = await createTestPractice();
    const admin = await createTestStaff(practice, { roles: ['ADMIN'], displayName: 'Avi Cohen' });
    const page = await browser.newPage();
    await signInAs(page, admin.email);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Practice settings' }).click();
    await page.getByRole('link', { name: 'Staff', exact: true }).click();

    const email = `jordan-${Date.now()}@clinic.test`;
    await page.getByLabel('Name').fill('Jordan Lee');
    await page.getByLabel('Email').fill(email);
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await page.getByRole('status').filter({ hasText: `Invitation sent to ${email}` }).waitFor();
    const row = page.getByRole('row').filter({ hasText: email });
    await row.waitFor();

    await page.getByRole('checkbox', { name: 'Supervisor: Jordan Lee' }).check();
    await page.getByRole('status').filter({ hasText: 'Roles updated' }).waitFor();
    const stored = await testPrisma().staffUser.findUniqueOrThrow({ where: { email }, select: { roles: true } });
    expect(stored.roles).toEqual(['CLINICIAN', 'SUPERVISOR']);
    await page.screenshot({ path: `${SCREENSHOTS}/staff.png`, fullPage: true });

    page.once('dialog', (dialog) => void dialog.accept());
    await row.getByRole('button', { name: 'Deactivate' }).click();
    await page.getByRole('status').filter({ hasText: 'Jordan Lee is deactivated.' }).waitFor();
    await expect.poll(() => row.count()).toBe(0);
  });

  it('lets an admin record who supervises whom and end it', async () => {
    const practice = await createTestPractice();
    const admin = await createTestStaff(practice, { roles: ['ADMIN'], displayName: 'Avi Cohen' });
    await createTestStaff(practice, { roles: ['CLINICIAN', 'SUPERVISOR'], displayName: 'Dr. Rivera' });
    await createTestStaff(practice, { roles: ['CLINICIAN'], displayName: 'Sam Associate' });
    const page = await browser.newPage();
    await signInAs(page, admin.email);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Practice settings' }).click();
    await page.getByRole('link', { name: 'Staff', exact: true }).click();

    const panel = page.getByRole('region', { name: 'Supervision' });
    await panel.getByText('No one is under supervision yet.').waitFor();
    await panel.getByLabel('Supervisor').selectOption({ label: 'Dr. Rivera' });
    await panel.getByLabel('Supervisee (clinician)').selectOption({ label: 'Sam Associate' });
    await panel.getByRole('button', { name: 'Link' }).click();
    await panel.getByRole('status').filter({ hasText: 'Supervision recorded.' }).waitFor();
    const row = panel.getByRole('row').filter({ hasText: 'Sam Associate' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Dr. Rivera');
    await page.screenshot({ path: `${SCREENSHOTS}/supervision.png`, fullPage: true });

    page.once('dialog', (dialog) => void dialog.accept());
    await row.getByRole('button', { name: 'End supervision of Sam Associate' }).click();
    await panel.getByRole('status').filter({ hasText: 'Supervision of Sam Associate ended.' }).waitFor();
    await expect.poll(() => row.count()).toBe(0);
  });

  it('lets an admin download a client export and erase the client', async () => {
    const practice = await createTestPractice();
    const admin = await createTestStaff(practice, { roles: ['ADMIN'], displayName: 'Avi Cohen' });
    const client = await createTestClient(practice, { firstName: 'Dana' });
    const page = await browser.newPage({ acceptDownloads: true });
    await signInAs(page, admin.email);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Practice settings' }).click();
    await page.getByRole('link', { name: 'Data requests' }).click();

    await page.getByLabel('Client name').fill(client.lastName);
    await page.getByRole('button', { name: 'Find' }).click();
    await page.getByRole('button', { name: new RegExp(`${client.lastName}, Dana`) }).click();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download export' }).click()]);
    const exported = JSON.parse(await readFile((await download.path())!, 'utf8'));
    expect(exported.client).toMatchObject({ id: client.id, firstName: 'Dana', email: client.email });
    expect(exported).toHaveProperty('appointments');
    expect(exported).toHaveProperty('accessLog');

    const erase = page.getByRole('button', { name: 'Erase client data' });
    expect(await erase.isDisabled()).toBe(true);
    await page.getByLabel(`Type the last name (${client.lastName}) to confirm`).fill(client.lastName);
    await erase.click();
    await page.getByRole('status').filter({ hasText: 'contact details and portal access were erased' }).waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/data-requests.png`, fullPage: true });
    const stored = await testPrisma().client.findFirstOrThrow({ where: { id: client.id }, select: { email: true, erasedAt: true } });
    expect(stored.email).toBeNull();
    expect(stored.erasedAt).not.toBeNull();
  });
});
