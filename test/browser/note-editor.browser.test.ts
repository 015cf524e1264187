// The note editor in real Chromium: a clinician opens an appointment in the calendar, writes a SOAP
// note (autosaved, "Saved" announced), reloads and finds the text; a second tab's stale save shows the
// conflict without losing that tab's text, and reloading brings the latest version; then she signs it from
// the editor, adds a signed addendum and sees both versions in its history.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { SCREENSHOTS } from '../support/browser';
import { browserSuite } from '../support/browser-suite';
import { createTestAppointment, createTestClient, createTestPractice, createTestStaff, testPrisma } from '../support/factories';

const ZONE = 'America/New_York';
const suite = browserSuite();

describe('note editor', () => {
  it('writes a SOAP note from the calendar, autosaves, survives a reload, shows a second tab the conflict, then signs it and adds an addendum', async () => {
    const prisma = testPrisma();
    const practice = await createTestPractice(undefined, { timeZone: ZONE });
    const clinician = await createTestStaff(practice, { displayName: 'Dr. Rosa Diaz' });
    const client = await createTestClient(practice, { firstName: 'Imani' });
    const service = await prisma.service.create({ data: { practiceId: practice.id, name: 'Psychotherapy, 53 min', durationMinutes: 53, priceCents: 15000, cptCode: '90837' } });
    const startsAt = DateTime.now().setZone(ZONE).minus({ days: 1 }).set({ hour: 10, minute: 0, second: 0, millisecond: 0 });
    const appointment = await createTestAppointment(practice, client, clinician, { startsAt: startsAt.toJSDate(), minutes: 53, status: 'COMPLETED' });
    await prisma.appointment.update({ where: { id: appointment.id }, data: { serviceId: service.id } });

    const page = await suite.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await suite.signInAs(page, clinician.email);
    await page.goto(`${suite.webUrl}/calendar?date=${startsAt.toFormat('yyyy-MM-dd')}`);
    await page.locator('.appointment-event').filter({ hasText: `Imani ${client.lastName}` }).click();
    const details = page.getByRole('dialog', { name: 'Appointment' });
    await details.getByLabel('Note type').selectOption({ label: 'SOAP note' });
    await details.getByRole('button', { name: 'Write note' }).click();
    await page.waitForURL(/\/notes\/[0-9a-f-]{36}$/);
    const noteUrl = page.url();

    // Prefilled header: client, service with CPT, type and template.
    await page.getByRole('heading', { name: `SOAP note — Imani ${client.lastName}` }).waitFor();
    await page.getByText('Psychotherapy, 53 min (CPT 90837)').waitFor();
    await page.getByText('SOAP note (version 1)').waitFor();

    // Typing autosaves after a pause; the status is a polite live region.
    await page.getByLabel('Subjective').fill('Sleeping four hours a night since the layoff.');
    await page.getByLabel('Low').check();
    const status = page.getByRole('status').filter({ hasText: /^Saved / });
    await status.waitFor({ timeout: 10_000 });
    expect(await status.getAttribute('aria-live')).toBe('polite');
    // Ctrl+S saves at once.
    await page.getByLabel('Objective').fill('Tired, good eye contact.');
    await page.keyboard.press('Control+s');
    await page.getByRole('status').filter({ hasText: /^Saved / }).waitFor();
    await expect.poll(async () => (await prisma.clinicalNote.findFirstOrThrow({ where: { appointmentId: appointment.id } })).revision).toBeGreaterThanOrEqual(3);

    // Diagnosis picker: search by words with a typo, pick with the keyboard.
    const combo = page.getByRole('combobox', { name: 'Add a diagnosis (ICD-10-CM code or words)' });
    await combo.fill('genralized anxiety');
    await page.getByRole('option', { name: /F41\.1 Generalized anxiety disorder/ }).waitFor();
    await combo.press('Enter');
    await page.getByText('F41.1', { exact: true }).waitFor();
    await expect.poll(async () => (await prisma.clinicalNote.findFirstOrThrow({ where: { appointmentId: appointment.id } })).diagnosisCodes, { timeout: 10_000 }).toEqual(['F41.1']);
    await page.getByRole('status').filter({ hasText: /^Saved / }).waitFor();

    await page.reload();
    await expect.poll(() => page.getByLabel('Subjective').inputValue()).toBe('Sleeping four hours a night since the layoff.');
    expect(await page.getByLabel('Objective').inputValue()).toBe('Tired, good eye contact.');
    expect(await page.getByLabel('Low').isChecked()).toBe(true);
    await page.getByText('Generalized anxiety disorder').waitFor();

    // A second tab opens the same note; the first saves again; the second's save is stale.
    const second = await suite.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await suite.signInAs(second, clinician.email);
    await second.goto(noteUrl);
    await expect.poll(() => second.getByLabel('Subjective').inputValue()).toBe('Sleeping four hours a night since the layoff.');
    await page.getByLabel('Plan').fill('CBT-I sleep diary; weekly sessions.');
    await page.keyboard.press('Control+s');
    await page.getByRole('status').filter({ hasText: /^Saved / }).waitFor();

    await second.getByLabel('Assessment').fill('Text typed in the second tab.');
    const conflict = second.getByRole('alert').filter({ hasText: 'changed in another window or tab' });
    await conflict.waitFor({ timeout: 10_000 });
    // Nothing is lost: the field still shows it and the copy box holds it.
    expect(await second.getByLabel('Assessment').inputValue()).toBe('Text typed in the second tab.');
    expect(await second.getByLabel('Your unsaved text (copy what you need)').inputValue()).toContain('Text typed in the second tab.');
    await second.screenshot({ path: `${SCREENSHOTS}/note-editor-conflict.png`, fullPage: true });
    const stored = await prisma.clinicalNote.findFirstOrThrow({ where: { appointmentId: appointment.id } });
    await conflict.getByRole('button', { name: 'Reload the latest version' }).click();
    await expect.poll(() => second.getByLabel('Plan').inputValue()).toBe('CBT-I sleep diary; weekly sessions.');
    expect(await second.getByLabel('Your unsaved text (copy what you need)').inputValue()).toContain('Text typed in the second tab.');
    // The stale save wrote nothing.
    expect((await prisma.clinicalNote.findFirstOrThrow({ where: { appointmentId: appointment.id } })).revision).toBe(stored.revision);
    await second.close();

    // Sign from the editor: what was typed last is saved first and is what gets signed; the note
    // becomes read-only, takes a signed addendum, and its history shows both versions.
    await page.getByLabel('Assessment').fill('Insomnia linked to job loss; no risk indicators.');
    await page.getByRole('button', { name: 'Sign note…' }).click();
    const signDialog = page.getByRole('dialog', { name: 'Sign this note' });
    await signDialog.getByLabel(/I attest that this documentation/).check();
    await signDialog.getByRole('button', { name: 'Sign', exact: true }).click();
    await page.getByRole('status').getByText('The note is signed.').waitFor();
    await page.getByText('This note is signed', { exact: false }).waitFor();
    const signed = await prisma.clinicalNote.findFirstOrThrow({ where: { appointmentId: appointment.id } });
    expect(signed.status).toBe('SIGNED');
    await page.getByText('Insomnia linked to job loss; no risk indicators.').waitFor();
    await page.getByLabel('Addendum', { exact: true }).fill('Client called the next day; sleep diary started.');
    await page.getByLabel(/I attest that this addendum/).check();
    await page.getByRole('button', { name: 'Sign addendum' }).click();
    await page.getByRole('status').getByText('Addendum signed and added.').waitFor();
    await page.getByRole('link', { name: 'Versions and history' }).click();
    await page.getByRole('heading', { name: 'Version 1 · Original' }).waitFor();
    await page.getByRole('heading', { name: 'Version 2 · Addendum' }).waitFor();
    await page.getByTestId('note-diff').locator('ins', { hasText: 'sleep diary started.' }).waitFor();
    expect((await prisma.clinicalNote.findFirstOrThrow({ where: { appointmentId: appointment.id } })).status).toBe('AMENDED');
    await page.close();
  });
});
