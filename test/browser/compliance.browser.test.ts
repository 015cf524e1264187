// Compliance in real Chromium: an admin follows the navigation badge to an overdue-note alert and
// acknowledges it, then changes the practice's compliance rules (a step out of order is explained)
// and restores the defaults the API reports.
import { createLogger, runInPracticeScope } from '@solace/server-kit';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runComplianceEngine } from '../../workers/src/compliance/compliance.engine';
import { GEORGIA_COMPLIANCE_RULES } from '../../workers/src/compliance/compliance-rules';
import { ComplianceRepository } from '../../workers/src/compliance/compliance.repository';
import { LocalMailboxProvider } from '../../workers/src/email/local-mailbox.provider';
import { browserSuite } from '../support/browser-suite';
import { createTestAppointment, createTestClient, createTestPractice, createTestStaff, testPrisma } from '../support/factories';

const suite = browserSuite();

async function practiceWithOverdueNote() {
  const practice = await createTestPractice(undefined, { timeZone: 'UTC' });
  const admin = await createTestStaff(practice, { roles: ['ADMIN'] });
  const clinician = await createTestStaff(practice, { displayName: 'Sam Associate' });
  const client = await createTestClient(practice, { firstName: 'Robin' });
  const session = await createTestAppointment(practice, client, clinician, { startsAt: new Date(Date.now() - 8 * 86_400_000), status: 'COMPLETED' });
  // Started but not signed: the alert links to the note itself.
  const note = await testPrisma().clinicalNote.create({ data: { practiceId: practice.id, appointmentId: session.id, clientId: client.id, authorId: clinician.id, serviceDate: session.startsAt } });
  const log = createLogger('test');
  const deps = { compliance: new ComplianceRepository(testPrisma()), email: new LocalMailboxProvider(await mkdtemp(join(tmpdir(), 'solace-compliance-')), log), webUrl: suite.webUrl, log };
  await runInPracticeScope(practice.id, () => runComplianceEngine(practice.id, new Date(), deps));
  return { practice, admin, client, note };
}

describe('compliance in the browser', () => {
  it('shows an admin the overdue note behind the badge and lets them acknowledge it', async () => {
    const { admin, client, note } = await practiceWithOverdueNote();
    const page = await suite.browser.newPage({ timezoneId: 'UTC' });
    await suite.signInAs(page, admin.email);

    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect.poll(() => nav.getByLabel('1 open compliance alert').count()).toBe(1);
    await nav.getByRole('link', { name: /Compliance/ }).first().click();
    await page.waitForURL(/\/compliance$/);

    const warnings = page.getByRole('region', { name: 'Warning (1)' });
    await expect.poll(() => warnings.getByRole('heading', { level: 3 }).textContent()).toBe(`Note overdue — Robin ${client.lastName.charAt(0)}.`);
    expect(await warnings.textContent()).toContain('1 day overdue');
    expect(await page.getByRole('radio', { name: 'Whole practice' }).isChecked()).toBe(true);

    await warnings.getByRole('button', { name: /Acknowledge/ }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Alert acknowledged' }).count()).toBe(1);
    await expect.poll(() => warnings.textContent()).toContain('Acknowledged');
    await expect.poll(() => nav.getByLabel(/open compliance alert/).count()).toBe(0);

    // The emailed link (/compliance?alert=<id>) brings that alert into focus.
    const alert = await testPrisma().complianceAlert.findFirstOrThrow({ where: { clientId: client.id } });
    await page.goto(`${suite.webUrl}/compliance?alert=${alert.id}`);
    await expect.poll(() => page.evaluate('document.activeElement && document.activeElement.getAttribute("data-alert-id")')).toBe(alert.id);
    await page.getByRole('link', { name: `Open the note — Robin ${client.lastName.charAt(0)}.` }).click();
    await page.waitForURL(new RegExp(`/notes/${note.id}$`));
  });

  it('lets an admin change the rules, explaining a step out of order', async () => {
    const { practice, admin } = await practiceWithOverdueNote();
    const page = await suite.browser.newPage({ timezoneId: 'UTC' });
    await suite.signInAs(page, admin.email);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Practice settings' }).click();
    await page.getByRole('link', { name: 'Compliance rules' }).click();
    await page.waitForURL(/\/admin\/compliance/);
    await expect.poll(() => page.getByLabel('Hold billing from day').inputValue()).toBe('14');
    expect(await page.getByText('These are Georgia’s defaults.').count()).toBe(1);

    await page.getByLabel('Alert the supervisor on day').fill('20');
    await page.getByRole('button', { name: 'Save rules' }).click();
    await expect.poll(() => page.getByText('Each step must come after the one before it.').count()).toBe(1);
    expect(await page.getByLabel('Hold billing from day').getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel('Alert the supervisor on day').fill('10');
    await page.getByLabel('Hold billing from day').fill('21');
    await page.getByRole('button', { name: 'Save rules' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Compliance rules saved' }).count()).toBe(1);
    expect(await page.getByText('These differ from Georgia’s defaults.').count()).toBe(1);
    expect(await testPrisma().complianceRules.findFirst({ where: { practiceId: practice.id } })).toMatchObject({ noteSupervisorAlertDay: 10, noteBillingHoldDay: 21 });

    // "Restore" puts back the defaults the API reports (the engine's own), then they are saved.
    await page.getByRole('button', { name: 'Restore Georgia’s defaults' }).click();
    await expect.poll(() => page.getByLabel('Alert the supervisor on day').inputValue()).toBe(String(GEORGIA_COMPLIANCE_RULES.noteSupervisorAlertDay));
    expect(await page.getByLabel('Hold billing from day').inputValue()).toBe(String(GEORGIA_COMPLIANCE_RULES.noteBillingHoldDay));
    expect(await page.getByText('These are Georgia’s defaults.').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Restore Georgia’s defaults' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Save rules' }).click();
    await expect.poll(async () => (await testPrisma().complianceRules.findFirst({ where: { practiceId: practice.id } }))?.noteBillingHoldDay).toBe(GEORGIA_COMPLIANCE_RULES.noteBillingHoldDay);
  });
});
