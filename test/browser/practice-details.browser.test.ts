// Practice and staff details in real Chromium: an admin reaches the practice's details through
// Practice settings, a wrong NPI is refused by the API's check digit and explained beside the
// field, a half-entered address is caught before saving, and the saved details come back after a
// reload. A clinician records their credentials and licence on their account page; the admin sees
// them in the staff list, with the licence's renewal due, and corrects them there.
import { describe, expect, it } from 'vitest';
import { SCREENSHOTS } from '../support/browser';
import { browserSuite } from '../support/browser-suite';
import { createTestPractice, createTestStaff, testPrisma } from '../support/factories';

const suite = browserSuite();

describe('practice and staff details', () => {
  it('lets an admin set the time zone, contact, address, NPI and EIN, explaining what is wrong', async () => {
    const practice = await createTestPractice(undefined, { timeZone: 'UTC' });
    const admin = await createTestStaff(practice, { roles: ['ADMIN'], displayName: 'Avi Admin' });
    const page = await suite.browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await suite.signInAs(page, admin.email);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Practice settings' }).click();
    await page.getByRole('region', { name: 'Practice' }).getByRole('link', { name: 'Practice details' }).click();
    await page.getByRole('heading', { level: 1, name: 'Practice details' }).waitFor();
    const name = page.getByLabel('Practice name');
    await expect.poll(() => name.inputValue()).toBe(practice.name);

    await name.fill('Peachtree Counseling');
    await page.getByLabel('Time zone').fill('America/New_York');
    await page.getByLabel('Phone').fill('(404) 555-0142');
    await page.getByLabel('Street address').fill('12 Peachtree St NE');
    await page.getByLabel('City').fill('Atlanta');
    // No state or ZIP yet: caught here, nothing is sent.
    await page.getByRole('button', { name: 'Save details' }).click();
    await page.getByText('Enter the street, city, state and ZIP code, or leave all four empty.').waitFor();
    await page.getByLabel('State').selectOption('GA');
    await page.getByLabel('ZIP code').fill('30303');
    // Ten digits but a wrong check digit: only the API knows, and says so beside the field.
    await page.getByLabel('Organisation NPI (type 2)').fill('1234567890');
    await page.getByLabel('Tax ID (EIN)').fill('581234567');
    await page.getByRole('button', { name: 'Save details' }).click();
    const npiError = page.getByText('This is not a valid NPI', { exact: false });
    await npiError.waitFor();
    expect(await page.getByLabel('Organisation NPI (type 2)').getAttribute('aria-invalid')).toBe('true');
    expect((await testPrisma().practice.findFirstOrThrow({ where: { id: practice.id } })).name).toBe(practice.name);

    await page.getByLabel('Organisation NPI (type 2)').fill('1234567893');
    await page.getByRole('button', { name: 'Save details' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/practice-details.png`, fullPage: true });

    const saved = await testPrisma().practice.findFirstOrThrow({ where: { id: practice.id } });
    expect(saved).toMatchObject({ name: 'Peachtree Counseling', timeZone: 'America/New_York', phone: '(404) 555-0142', addressLine1: '12 Peachtree St NE', addressCity: 'Atlanta', addressState: 'GA', addressPostalCode: '30303', npi: '1234567893', taxId: '581234567' });

    await page.reload();
    await expect.poll(() => page.getByLabel('Tax ID (EIN)').inputValue()).toBe('58-1234567');
    expect(await page.getByLabel('State').inputValue()).toBe('GA');
    expect(await page.getByLabel('Time zone').inputValue()).toBe('America/New_York');
  });

  it('lets a clinician record credentials and a licence, and an admin see the renewal due and correct them', async () => {
    const practice = await createTestPractice(undefined, { timeZone: 'UTC' });
    const maya = await createTestStaff(practice, { displayName: 'Maya Lindqvist' });
    const admin = await createTestStaff(practice, { roles: ['ADMIN'], displayName: 'Avi Admin' });
    const page = await suite.browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await suite.signInAs(page, maya.email);

    await page.getByRole('button', { name: 'Maya Lindqvist: account menu' }).click();
    await page.getByRole('link', { name: 'My account and security' }).click();
    const section = page.getByRole('region', { name: 'Professional details' });
    await section.waitFor();
    await section.getByLabel('Credentials').fill('LPC, NCC');
    await section.getByLabel('Individual NPI (type 1)').fill('1234567890');
    await section.getByLabel('Licence number').fill('LPC012345');
    await section.getByLabel('Licence state').selectOption('GA');
    const soon = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await section.getByLabel('Licence expires').fill(soon);
    await section.getByRole('button', { name: 'Save details' }).click();
    await section.getByText('This is not a valid NPI', { exact: false }).waitFor();
    await section.getByLabel('Individual NPI (type 1)').fill('1234567893');
    await section.getByRole('button', { name: 'Save details' }).click();
    await section.getByRole('status').filter({ hasText: 'Professional details saved.' }).waitFor();
    await section.getByText('Renewal due: the licence expires on', { exact: false }).waitFor();
    expect(await testPrisma().staffUser.findFirstOrThrow({ where: { id: maya.id }, select: { credentials: true, npi: true, licenseNumber: true, licenseState: true } })).toEqual({ credentials: 'LPC, NCC', npi: '1234567893', licenseNumber: 'LPC012345', licenseState: 'GA' });

    const adminPage = await suite.browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await suite.signInAs(adminPage, admin.email);
    await adminPage.goto(`${suite.webUrl}/admin/staff`);
    const row = adminPage.getByRole('row').filter({ hasText: 'Maya Lindqvist' });
    await row.getByRole('cell', { name: 'LPC, NCC · GA licence, renewal due' }).waitFor();
    const toggle = row.getByRole('button', { name: 'Professional details of Maya Lindqvist' });
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const form = adminPage.locator('[id^="details-"]');
    await form.getByLabel('Credentials').fill('LPC');
    await form.getByRole('button', { name: 'Save details' }).click();
    await row.getByRole('cell', { name: 'LPC · GA licence, renewal due' }).waitFor();
    await adminPage.screenshot({ path: `${SCREENSHOTS}/staff-professional-details.png`, fullPage: true });
    expect((await testPrisma().staffUser.findFirstOrThrow({ where: { id: maya.id } })).credentials).toBe('LPC');
  });
});
