// The template builder in real Chromium: a clinician builds a template with a choice and a scale,
// previews it, edits it into version 2, and a note started before the edit keeps version 1.
import { describe, expect, it } from 'vitest';
import { SCREENSHOTS } from '../support/browser';
import { browserSuite } from '../support/browser-suite';
import { createTestAppointment, createTestClient, createTestPractice, createTestStaff, testPrisma } from '../support/factories';
import { gql, tokenFor } from '../support/graphql-client';

const suite = browserSuite();

describe('note template builder', () => {
  it('builds a template, previews it, and saves an edit as version 2 while an older note keeps version 1', async () => {
    const prisma = testPrisma();
    const practice = await createTestPractice();
    const clinician = await createTestStaff(practice, { displayName: 'Dr. Sam Okafor' });
    const client = await createTestClient(practice);
    const appointment = await createTestAppointment(practice, client, clinician, { startsAt: new Date(Date.now() - 3600_000), status: 'COMPLETED' });

    const page = await suite.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await suite.signInAs(page, clinician.email);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Practice settings' }).click();
    await page.getByRole('link', { name: 'Note templates' }).click();
    await page.getByRole('heading', { name: 'Note templates' }).waitFor();
    await page.getByRole('row', { name: /SOAP note/ }).waitFor();
    await page.getByRole('link', { name: 'New template' }).click();

    await page.getByLabel('Name').fill('DBT skills group');
    await page.getByLabel('Note type').selectOption({ label: 'Progress note' });
    await page.getByLabel('Label', { exact: true }).fill('Session summary');
    await page.getByLabel('Required before signing').check();
    await page.getByRole('button', { name: 'Add field' }).click();
    const second = page.locator('fieldset.field-editor').nth(1);
    await second.getByLabel('Label', { exact: true }).fill('Skills practised');
    await second.getByLabel('Kind').selectOption({ label: 'Multiple choice' });
    await second.getByLabel('Options (one per line)').fill('Mindfulness\nDistress tolerance');
    await page.getByRole('button', { name: 'Add field' }).click();
    const third = page.locator('fieldset.field-editor').nth(2);
    await third.getByLabel('Label', { exact: true }).fill('Engagement');
    await third.getByLabel('Kind').selectOption({ label: 'Scale' });
    await third.getByLabel('Highest value', { exact: true }).fill('5');
    await third.getByLabel('Label for the lowest value').fill('Withdrawn');

    // The preview shows the fields as the editor will.
    const preview = page.getByRole('region', { name: 'Preview' });
    await preview.getByRole('group', { name: 'Skills practised' }).getByLabel('Distress tolerance').waitFor();
    await preview.getByText('Withdrawn').waitFor();

    await page.getByRole('button', { name: 'Save template' }).click();
    await page.waitForURL(/\/admin\/templates\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: 'Edit DBT skills group' }).waitFor();
    await page.getByText('Saving creates version 2.', { exact: false }).waitFor();
    const template = await prisma.noteTemplate.findFirstOrThrow({ where: { practiceId: practice.id, name: 'DBT skills group' } });
    const versions = await prisma.noteTemplateVersion.findMany({ where: { templateId: template.id } });
    expect((versions[0]!.fields as Array<{ id: string }>).map((f) => f.id)).toEqual(['session_summary', 'skills_practised', 'engagement']);

    // A note started now keeps version 1.
    const note = await gql(suite.stack.routerUrl, `mutation($a: ID!, $t: ID) { startNote(appointmentId: $a, noteType: PROGRESS, templateId: $t) { id } }`, { a: appointment.id, t: template.id }, await tokenFor(clinician));
    expect(note.errors).toBeUndefined();

    // An empty option list is refused, pointing at the field.
    await page.getByRole('button', { name: 'Add field' }).click();
    const fourth = page.locator('fieldset.field-editor').nth(3);
    await fourth.getByLabel('Label', { exact: true }).fill('Homework');
    await fourth.getByLabel('Kind').selectOption({ label: 'Single choice' });
    await page.getByRole('button', { name: 'Save template' }).click();
    await fourth.getByRole('alert').filter({ hasText: 'Choice fields need at least one option.' }).waitFor();
    await fourth.getByLabel('Options (one per line)').fill('Done\nNot done');
    await page.getByRole('button', { name: 'Save template' }).click();
    await page.getByRole('status').filter({ hasText: 'Template saved.' }).waitFor();
    await page.getByText('Saving creates version 3.', { exact: false }).waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/note-template-builder.png`, fullPage: true });

    await page.goto(`${suite.webUrl}/notes/${note.data!.startNote.id}`);
    await page.getByText('DBT skills group (version 1)').waitFor();
    await page.getByRole('group', { name: 'Skills practised' }).waitFor();
    expect(await page.getByText('Homework').count()).toBe(0);
    await page.close();
  });
});
