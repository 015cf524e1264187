// The clinical record on the client chart in real Chromium: a clinician records two PHQ-9s and sees
// the trend chart and its table, then writes a safety plan for a client flagged at risk — the
// "no safety plan" banner goes away — and starts, fills and signs a treatment plan.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite } from '../support/browser-suite';
import { createTestClient, createTestPractice, createTestStaff, testPrisma } from '../support/factories';

const suite = browserSuite();
const PHQ9_FIRST = [3, 3, 2, 2, 2, 2, 2, 2, 0]; // 18, moderately severe
const PHQ9_SECOND = [1, 1, 1, 1, 1, 1, 1, 1, 0]; // 8, mild
const OPTIONS = ['Not at all (0)', 'Several days (1)', 'More than half the days (2)', 'Nearly every day (3)'];

async function answerPhq9(page: Page, answers: number[]) {
  const groups = page.locator('.measure-form fieldset.item');
  for (const [i, answer] of answers.entries()) await groups.nth(i).getByLabel(OPTIONS[answer]!, { exact: true }).check();
}

describe('clinical record', () => {
  it('records two PHQ-9s with a trend, writes a safety plan for a flagged client, and signs a treatment plan', async () => {
    const practice = await createTestPractice();
    const clinician = await createTestStaff(practice, { roles: ['CLINICIAN'], displayName: 'Dr. Rivera' });
    const client = await createTestClient(practice, { firstName: 'Morgan' });
    await testPrisma().clientRiskFlag.create({ data: { practiceId: practice.id, clientId: client.id, level: 'HIGH', reason: '', flaggedById: clinician.id, flaggedAt: new Date() } });

    const page = await suite.browser.newPage();
    try {
      await suite.signInAs(page, clinician.email);
      await page.goto(`${suite.webUrl}/clients/${client.id}`);
      const banner = page.getByRole('alert').filter({ hasText: 'has no safety plan' });
      await banner.waitFor();

      // Measures: the first PHQ-9 four weeks ago, the second today.
      await page.getByRole('tab', { name: 'Measures' }).click();
      await page.getByText('Little interest or pleasure in doing things').waitFor();
      await answerPhq9(page, PHQ9_FIRST);
      await page.getByText('Total 18 of 27').waitFor();
      await page.getByText('Moderately severe', { exact: false }).first().waitFor();
      const fourWeeksAgo = new Date(Date.now() - 28 * 86_400_000).toISOString().slice(0, 10);
      await page.getByLabel('Date completed').fill(fourWeeksAgo);
      await page.getByRole('button', { name: 'Record', exact: true }).click();
      await page.getByText('PHQ-9 recorded: 18 (Moderately severe).').waitFor();

      await page.getByLabel('Date completed').fill(new Date().toISOString().slice(0, 10));
      await answerPhq9(page, PHQ9_SECOND);
      await page.getByRole('button', { name: 'Record', exact: true }).click();
      await page.getByText('PHQ-9 recorded: 8 (Mild).').waitFor();

      const table = page.getByRole('table', { name: 'PHQ-9 scores' });
      await table.waitFor();
      const rows = table.locator('tbody tr');
      expect(await rows.count()).toBe(2);
      expect(await rows.nth(0).innerText()).toMatch(/8\s+Mild\s+-10/);
      expect(await rows.nth(1).innerText()).toMatch(/18\s+Moderately severe/);
      const chart = page.getByRole('img', { name: /PHQ-9 scores over time/ });
      expect(await chart.getAttribute('aria-label')).toMatch(/18.*8/);
      expect(await chart.locator('canvas').count()).toBeGreaterThan(0);
      await page.getByText('Response: at least 50% lower than the first score.').waitFor();

      // Safety plan: the banner's button opens the editor's tab; 988 is suggested.
      await banner.getByRole('button', { name: 'Write a safety plan' }).click();
      await page.getByRole('tabpanel').getByRole('button', { name: 'Write a safety plan' }).click();
      expect(await page.getByLabel('Professionals and agencies, item 1: name or place', { exact: true }).inputValue()).toBe('988 Suicide & Crisis Lifeline');
      await page.getByLabel('Warning signs, item 1', { exact: true }).fill('Not sleeping for days');
      await page.getByLabel('Coping strategies, item 1', { exact: true }).fill('Walk by the river');
      await page.getByRole('button', { name: 'Add to Warning signs' }).click();
      await page.getByLabel('Warning signs, item 2', { exact: true }).fill('Giving things away');
      await page.getByLabel('People to ask for help, item 1: name or place', { exact: true }).fill('Sam (sister)');
      await page.getByLabel('People to ask for help, item 1: phone or how to reach', { exact: true }).fill('555-0101');
      await page.getByLabel('The one thing that is most important to me and worth living for is:').fill('My daughter');
      await page.getByRole('button', { name: 'Save safety plan' }).click();
      await page.getByText('Safety plan saved as a new version.').waitFor();
      await page.getByText('Version 1,', { exact: false }).first().waitFor();
      await banner.waitFor({ state: 'detached' });
      const saved = await testPrisma().safetyPlan.findFirstOrThrow({ where: { clientId: client.id, supersededAt: null } });
      expect(saved.createdById).toBe(clinician.id);

      // Treatment plan: start, add a problem (focus lands in it), fill, sign.
      await page.getByRole('tab', { name: 'Treatment plan' }).click();
      await page.getByRole('button', { name: 'Start a treatment plan' }).click();
      await page.getByRole('button', { name: 'Add a problem' }).click();
      expect(await page.evaluate<string | null>("document.activeElement?.getAttribute('data-focus')")).toBe('p0');
      await page.getByLabel('Problem 1: description').fill('Recurrent depression');
      await page.getByLabel('Problem 1: ICD-10 code (optional)').fill('f33.1');
      await page.getByLabel('Goal 1.1: description').fill('Return to work');
      await page.getByLabel('Objective 1.1.1: description').fill('PHQ-9 below 10');
      await page.getByLabel('Intervention 1.1.1: modality').fill('Behavioral activation');
      await page.getByLabel('Intervention 1.1.1: responsible clinician').selectOption({ label: 'Dr. Rivera' });
      await page.getByRole('button', { name: 'Sign and activate' }).click();
      await page.getByText(/Review due .* \(90 days left\)/).waitFor();
      const plan = await testPrisma().treatmentPlan.findFirstOrThrow({ where: { clientId: client.id } });
      expect(plan).toMatchObject({ status: 'ACTIVE', signedById: clinician.id });
    } finally {
      await page.close();
    }
  });
});
