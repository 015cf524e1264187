// A client in real Chromium, on a phone-sized screen: signs in with the code emailed to them (read
// from the local mailbox the account-emails worker writes), reads their thread and replies; the
// clinician sees the reply arrive live. Also the magic link, and staff inviting a client.
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { devices, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestClient, createTestPractice, createTestStaff, TEST_PASSWORD, testPrisma } from '../support/factories';
import { freePort, launchChromium, SCREENSHOTS, startWebApp } from '../support/browser';
import { startMailboxWorker, type TestMailbox } from '../support/mailbox';
import { startStack, type TestStack } from '../support/stack';
import { waitForSubscriber } from '../support/subscribers';

let stack: TestStack;
let web: ChildProcess;
let webUrl: string;
let browser: Browser;
let mailbox: TestMailbox;

beforeAll(async () => {
  const port = await freePort();
  webUrl = `http://127.0.0.1:${port}`;
  // Every browser test signs in from 127.0.0.1: lift the per-IP sign-in limits (tested in client-sign-in.int.test.ts).
  process.env.SOLACE_CLIENT_SIGN_IN_PER_IP = '1000000';
  process.env.SOLACE_CLIENT_SIGN_IN_ATTEMPTS_PER_IP = '1000000';
  stack = await startStack({ allowedOrigins: [webUrl] });
  mailbox = await startMailboxWorker({ prisma: testPrisma(), webUrl });
  web = await startWebApp({ port, routerUrl: stack.routerUrl, readyPath: '/portal/sign-in' });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  web?.kill('SIGTERM');
  await mailbox?.close();
  await stack?.stop();
});

const latestEmail = (address: string, having: string) => mailbox.latestTo(address, having);

/** A practice with a clinician, and a client with a portal account and a thread. */
async function practiceWithPortalClient() {
  const practice = await createTestPractice(undefined, { timeZone: 'UTC' });
  const clinician = await createTestStaff(practice, { displayName: 'Dr. Maya Patel' });
  const email = `dana-${randomUUID()}@client.test`;
  const client = await createTestClient(practice, { firstName: 'Dana', email });
  await testPrisma().clientAccount.create({ data: { practiceId: practice.id, clientId: client.id, email } });
  const thread = await testPrisma().thread.create({ data: { practiceId: practice.id, clientId: client.id, subject: 'Between sessions' } });
  await testPrisma().message.create({ data: { practiceId: practice.id, threadId: thread.id, senderId: clinician.id, body: 'How did the breathing exercise go?' } });
  return { practice, clinician, client, email, thread };
}

// Dana uses her phone: a phone-sized, touch viewport (Chromium standing in for the phone's browser).
const { defaultBrowserType: _engine, ...PHONE } = devices['iPhone 13']!;
const phone = () => browser.newPage(PHONE);

async function signInAsStaff(page: Page, email: string) {
  await page.goto(`${webUrl}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL(/\/today/);
}

describe('client portal in the browser', () => {
  it('signs in with the emailed code on a phone and replies; the clinician sees it live', async () => {
    const { practice, clinician, client, email, thread } = await practiceWithPortalClient();

    const staffPage = await browser.newPage();
    await signInAsStaff(staffPage, clinician.email);
    await staffPage.goto(`${webUrl}/messages/${thread.id}`);
    await staffPage.getByText('How did the breathing exercise go?').waitFor();
    await waitForSubscriber(`solace:${practice.id}:messageAdded:${thread.id}`);

    const page = await phone();
    await page.goto(`${webUrl}/portal`);
    await page.waitForURL(/\/portal\/sign-in/);
    await page.getByLabel('Email').fill(email);
    await page.getByRole('button', { name: 'Email me a code' }).click();
    await page.getByRole('status').filter({ hasText: 'a code is on its way' }).waitFor();
    expect(await page.getByRole('button', { name: /Send a new code \(in \d+ s\)/ }).isDisabled()).toBe(true);

    const message = await latestEmail(email, 'sign-in code');
    expect(message).toContain(practice.name);
    const code = /^ {4}(\d{6})$/m.exec(message)![1]!;
    await page.getByLabel('6-digit code').fill(code === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'That code is not valid' }).waitFor();
    await page.getByLabel('6-digit code').fill(code);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL(/\/portal$/);
    await page.getByText(`Secure messages with your care team at ${practice.name}.`).waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/portal-home.png`, fullPage: true });

    await page.getByRole('link', { name: /Between sessions/ }).click();
    await page.getByText('How did the breathing exercise go?').waitFor();
    expect(await page.getByRole('list', { name: 'Messages' }).getByText('Dr. Maya Patel').count()).toBe(1);
    await page.getByLabel('Write a message').fill('It helped, especially at night.');
    await page.getByRole('button', { name: 'Send' }).click();
    const mine = page.getByRole('list', { name: 'Messages' }).getByRole('listitem').filter({ hasText: 'It helped, especially at night.' });
    await mine.waitFor();
    expect(await mine.getByText('You', { exact: true }).count()).toBe(1);
    await page.screenshot({ path: `${SCREENSHOTS}/portal-thread.png`, fullPage: true });

    // The clinician's open thread shows the reply live, under the client's name.
    const arrived = staffPage.getByRole('list', { name: 'Messages' }).getByRole('listitem').filter({ hasText: 'It helped, especially at night.' });
    await arrived.waitFor({ timeout: 10_000 });
    expect(await arrived.getByText(`Dana ${client.lastName}`).count()).toBe(1);

    // Staff pages are not for clients; signing out ends the session.
    await page.goto(`${webUrl}/today`);
    await page.waitForURL(/\/portal$/);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/portal\/sign-in/);
    await page.goto(`${webUrl}/portal`);
    await page.waitForURL(/\/portal\/sign-in/);
  });

  it('signs in with the emailed magic link once; the used link is refused', async () => {
    const { email } = await practiceWithPortalClient();
    const page = await phone();
    await page.goto(`${webUrl}/portal/sign-in`);
    await page.getByLabel('Email').fill(email);
    await page.getByRole('button', { name: 'Email me a code' }).click();
    await page.getByRole('status').filter({ hasText: 'a code is on its way' }).waitFor();
    const link = /(http\S+\/portal\/verify\?token=[A-Za-z0-9_-]+)/.exec(await latestEmail(email, 'sign-in code'))![1]!;

    const other = await phone();
    await other.goto(link);
    await other.waitForURL(/\/portal$/);
    await other.getByRole('link', { name: /Between sessions/ }).waitFor();

    const again = await phone();
    await again.goto(link);
    await again.getByRole('alert').filter({ hasText: 'This sign-in link is not valid' }).waitFor();
  });

  it('lets front-desk staff invite a client to the portal from the conversation', async () => {
    const practice = await createTestPractice();
    const frontDesk = await createTestStaff(practice, { roles: ['FRONT_DESK'], displayName: 'Jo Front' });
    const email = `eli-${randomUUID()}@client.test`;
    const client = await createTestClient(practice, { firstName: 'Eli', email });
    const thread = await testPrisma().thread.create({ data: { practiceId: practice.id, clientId: client.id, subject: 'Welcome' } });

    const page = await browser.newPage();
    await signInAsStaff(page, frontDesk.email);
    await page.goto(`${webUrl}/messages/${thread.id}`);
    await page.getByText('Not invited to the client portal yet.').waitFor();
    expect(await page.getByLabel('Portal email').inputValue()).toBe(email);
    await page.getByRole('button', { name: 'Invite to portal' }).click();
    await page.getByRole('status').filter({ hasText: `Invitation sent to ${email}` }).waitFor();
    await page.getByText('Portal access on').waitFor();

    const invitation = await latestEmail(email, 'invited you');
    const link = /(http\S+\/portal\/verify\?token=[A-Za-z0-9_-]+)/.exec(invitation)![1]!;
    const clientPage = await phone();
    await clientPage.goto(link);
    await clientPage.waitForURL(/\/portal$/);
    await clientPage.getByRole('link', { name: /Welcome/ }).waitFor();

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Turn off portal access' }).click();
    await page.getByRole('status').filter({ hasText: 'Portal access is off' }).waitFor();
    await page.getByText('Portal access off').waitFor();
  });
});
