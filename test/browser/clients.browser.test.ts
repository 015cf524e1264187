// The front desk in real Chromium: create a client, find them again by a misspelled name in the
// autocomplete (keyboard only), add their primary insurance and informed consent, and see the
// consent badge turn from Missing to Current, and upload an insurance card photo.
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestAppointment, createTestPractice, createTestStaff, TEST_PASSWORD, testPrisma } from '../support/factories';
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

describe('clients in the browser', () => {
  it('creates a client, finds them by a misspelled name, adds insurance and a consent', async () => {
    const practice = await createTestPractice(undefined, { timeZone: 'UTC' });
    const desk = await createTestStaff(practice, { roles: ['FRONT_DESK'], displayName: 'Front Desk' });
    // A last name no other test uses, so the misspelling can only find this client.
    const lastName = `Castellano${randomUUID().replace(/[^a-f]/g, '').slice(0, 4)}`;

    const page = await browser.newPage({ timezoneId: 'UTC' });
    await page.goto(`${webUrl}/login`);
    await page.getByLabel('Email').fill(desk.email);
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL(/\/today/);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clients' }).click();
    await page.waitForURL(/\/clients$/);
    await page.getByRole('link', { name: 'New client' }).click();
    await page.getByLabel('First name').fill('Alexandra');
    await page.getByLabel('Last name').fill(lastName);
    await page.getByLabel('Date of birth').fill('1988-02-29');
    await page.getByLabel('Phone').fill('555 010 2000');
    await page.getByRole('button', { name: 'Create client' }).click();
    await page.waitForURL(/\/clients\/[0-9a-f-]{36}$/);
    const clientId = page.url().split('/').pop()!;
    await page.getByRole('heading', { level: 1, name: `Alexandra ${lastName}` }).waitFor();

    // Back to the list; the autocomplete finds "Alexandra Castellano…" typed as "Alexandr Castelano…".
    await page.getByRole('link', { name: '← Clients' }).click();
    const search = page.getByRole('combobox', { name: 'Find a client' });
    await search.fill(`Alexandr ${lastName.replace('ll', 'l')}`);
    const option = page.getByRole('option', { name: new RegExp(`${lastName}, Alexandra`) });
    await option.waitFor();
    expect(await search.getAttribute('aria-expanded')).toBe('true');
    expect(await option.getAttribute('aria-selected')).toBe('true');
    await page.screenshot({ path: `${SCREENSHOTS}/clients-autocomplete.png`, fullPage: true });
    await search.press('Enter');
    await page.waitForURL(new RegExp(`/clients/${clientId}$`));

    // Insurance: add the primary policy.
    const insurance = page.locator('section#insurance');
    await insurance.getByRole('button', { name: 'Add primary insurance' }).click();
    await insurance.getByLabel('Payer', { exact: true }).fill('Aetna');
    await insurance.getByLabel('Member id').fill('W123456789');
    await insurance.getByRole('button', { name: 'Save insurance' }).click();
    await insurance.getByText('W123456789').waitFor();

    // Consent: the badge says Missing, then Current once informed consent is recorded.
    const consents = page.locator('section#consents');
    await consents.getByText('Missing').first().waitFor();
    await consents.getByLabel('Consent', { exact: true }).selectOption('INFORMED_CONSENT');
    await consents.getByLabel('Signed by').fill(`Alexandra ${lastName}`);
    await consents.getByRole('button', { name: 'Record consent' }).click();
    await consents.getByRole('table').getByText('Current').waitFor();
    expect(await consents.getByText('Missing').count()).toBe(0);
    await page.screenshot({ path: `${SCREENSHOTS}/client-chart.png`, fullPage: true });

    // Documents: a photo of the insurance card goes straight to storage and comes back as a link.
    const documents = page.locator('section#documents');
    await documents.getByLabel('Document type').selectOption('INSURANCE_CARD_FRONT');
    await documents.getByLabel(/^File/).setInputFiles({ name: 'card-front.png', mimeType: 'image/png', buffer: Buffer.from('89504e470d0a1a0a', 'hex') });
    await documents.getByRole('button', { name: 'Upload' }).click();
    const link = documents.getByRole('link', { name: 'card-front.png' });
    await link.waitFor();
    expect((await fetch((await link.getAttribute('href'))!)).status).toBe(200);

    // Timeline: a past session (with its status from the appointments subgraph), the consent and the document, latest first.
    const clinician = await createTestStaff(practice, { displayName: 'Dr. Maya Patel' });
    await createTestAppointment(practice, { id: clientId }, clinician, { startsAt: new Date(Date.now() - 48 * 3600_000), status: 'COMPLETED' });
    await page.reload();
    const timeline = page.getByRole('list', { name: 'Timeline' });
    await timeline.getByText(/Dr\. Maya Patel/).waitFor();
    const entries = await timeline.getByRole('listitem').allTextContents();
    expect(entries).toHaveLength(3);
    expect(entries[2]).toMatch(/Appointment.*Dr\. Maya Patel.*Completed/);
    expect(entries.slice(0, 2).join(' ')).toMatch(/card-front\.png/);
    expect(entries.slice(0, 2).join(' ')).toMatch(/Informed consent/);

    const stored = await testPrisma().client.findUniqueOrThrow({ where: { id: clientId }, include: { insurances: true, consents: true, documents: true } });
    expect(stored).toMatchObject({ firstName: 'Alexandra', lastName, phone: '555 010 2000' });
    expect(stored.insurances).toHaveLength(1);
    expect(stored.insurances[0]!.memberId).toMatch(/^enc:v1:/);
    expect(stored.consents.map((c) => c.kind)).toEqual(['INFORMED_CONSENT']);
    expect(stored.documents.map((d) => [d.kind, d.filename, d.sizeBytes, d.confirmedAt !== null])).toEqual([['INSURANCE_CARD_FRONT', 'card-front.png', 8, true]]);
  });
});
