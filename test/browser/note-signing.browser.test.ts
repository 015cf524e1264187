// Signing notes in the browser (real Chromium): a clinician finds the draft on the to-do list,
// signs it from the note's history page, adds a signed addendum and compares both versions; a
// supervisor co-signs an associate's note from the review queue; a session without a note is started
// from the to-do list. The drafts are written the way the note module stores them (the editor page
// is tested with note writing).
import { createFieldCipher } from '@solace/server-kit';
import { describe, expect, it } from 'vitest';
import { browserSuite } from '../support/browser-suite';
import { createTestAppointment, createTestClient, createTestPractice, createTestStaff, testPrisma } from '../support/factories';
import { gql, tokenFor } from '../support/graphql-client';

const suite = browserSuite();
const cipher = createFieldCipher();

async function draftNote(practice: { id: string }, author: { id: string }, firstName: string, daysAgo: number) {
  const client = await createTestClient(practice, { firstName });
  const startsAt = new Date(Date.now() - daysAgo * 86_400_000);
  const appointment = await createTestAppointment(practice, client, author, { startsAt, status: 'COMPLETED' });
  const note = await testPrisma().clinicalNote.create({
    data: {
      practiceId: practice.id,
      appointmentId: appointment.id,
      clientId: client.id,
      authorId: author.id,
      serviceDate: startsAt,
      body: cipher.encrypt('Client reports better sleep. Plan: continue CBT weekly.', 'ClinicalNote.body'),
      content: cipher.encrypt('{}', 'ClinicalNote.content'),
    },
  });
  return { note, client };
}

describe('signing notes', () => {
  it('signs a note, adds an addendum and shows both versions with the difference', async () => {
    const practice = await createTestPractice();
    const clinician = await createTestStaff(practice, { roles: ['CLINICIAN'], displayName: 'Dr. Ana Ruiz' });
    const { note, client } = await draftNote(practice, clinician, 'Dana', 9);

    const page = await suite.browser.newPage();
    await suite.signInAs(page, clinician.email);
    await page.getByRole('link', { name: 'Notes', exact: true }).click();
    await page.waitForURL(/\/notes$/);
    const row = page.getByRole('row', { name: new RegExp(client.lastName) });
    await row.getByText('2 days overdue').waitFor();

    await page.goto(`${suite.webUrl}/notes/history/${note.id}`);
    await page.getByRole('button', { name: 'Sign note…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sign this note' });
    await dialog.getByRole('button', { name: 'Sign', exact: true }).click();
    await dialog.getByRole('alert').getByText('Tick the attestation to sign.').waitFor();
    await dialog.getByLabel(/I attest that this documentation/).check();
    await dialog.getByRole('button', { name: 'Sign', exact: true }).click();
    await page.getByRole('status').getByText('The note is signed.').waitFor();
    await page.getByText('Signature verified: the note is exactly as signed.').waitFor();

    await page.getByLabel('Addendum', { exact: true }).fill('Client phoned the next day; safety plan reviewed.');
    await page.getByLabel(/I attest that this addendum/).check();
    await page.getByRole('button', { name: 'Sign addendum' }).click();
    await page.getByRole('status').getByText('Addendum signed and added.').waitFor();

    await page.getByRole('heading', { name: 'Version 1 · Original' }).waitFor();
    await page.getByRole('heading', { name: 'Version 2 · Addendum' }).waitFor();
    expect(await page.getByText('Verified', { exact: true }).count()).toBe(2);
    const diff = page.getByTestId('note-diff');
    await diff.locator('ins', { hasText: 'safety plan reviewed.' }).waitFor();
    expect(await diff.locator('ins').first().innerText()).toContain('[added]');
    expect(await diff.locator('del').count()).toBe(0);
    // The signed note has left the to-do list.
    await page.goto(`${suite.webUrl}/notes`);
    await page.getByText('All caught up: every session is documented and signed.').waitFor();
    await page.close();
  });

  it('lets a supervisor co-sign an associate’s note from the review queue', async () => {
    const practice = await createTestPractice();
    const supervisor = await createTestStaff(practice, { roles: ['CLINICIAN', 'SUPERVISOR'], displayName: 'Dr. Sam Okafor' });
    const associate = await createTestStaff(practice, { roles: ['CLINICIAN'], displayName: 'Jo Associate' });
    await testPrisma().supervisionLink.create({ data: { practiceId: practice.id, supervisorId: supervisor.id, superviseeId: associate.id } });
    const { note, client } = await draftNote(practice, associate, 'Lee', 2);
    const submitted = await gql(suite.stack.routerUrl, 'mutation ($id: ID!) { submitNoteForReview(id: $id, attest: true) { status } }', { id: note.id }, await tokenFor(associate));
    expect(submitted.data!.submitNoteForReview.status).toBe('IN_REVIEW');

    const page = await suite.browser.newPage();
    await suite.signInAs(page, supervisor.email);
    await page.getByRole('link', { name: 'Reviews' }).click();
    await page.waitForURL(/\/reviews/);
    await page.getByRole('button', { name: `Review the note for Lee ${client.lastName}` }).click();
    await page.getByText('Client reports better sleep.', { exact: false }).waitFor();
    await page.getByLabel(/I have reviewed this note/).check();
    await page.getByRole('button', { name: 'Co-sign' }).click();
    await page.getByRole('status').getByText(`Co-signed the note for Lee ${client.lastName}.`).waitFor();
    await page.getByText('No notes are waiting for your review.').waitFor();

    await page.goto(`${suite.webUrl}/notes/history/${note.id}`);
    await page.getByText(/Signed by Jo Associate/).waitFor();
    await page.getByText(/Co-signed by Dr\. Sam Okafor/).waitFor();

    // The associate adds a late entry: it waits for the supervisor's co-signature too.
    const added = await gql(suite.stack.routerUrl, 'mutation ($id: ID!) { addNoteAddendum(id: $id, text: "Called back: safety plan reviewed.", attest: true) { number } }', { id: note.id }, await tokenFor(associate));
    expect(added.data!.addNoteAddendum.number).toBe(2);
    await page.reload();
    await page.getByText('Awaiting the supervisor’s co-signature').waitFor();
    await page.goto(`${suite.webUrl}/reviews`);
    const addenda = page.getByRole('region', { name: 'Addenda to co-sign' });
    const item = addenda.getByRole('listitem', { name: new RegExp(`Addendum to Lee ${client.lastName}’s note .* by Jo Associate`) });
    await item.getByText('Called back: safety plan reviewed.').waitFor();
    await item.getByRole('button', { name: 'Co-sign addendum' }).click();
    await addenda.getByRole('alert').getByText('Tick the attestation to sign.').waitFor();
    await item.getByLabel(/I have reviewed this addendum/).check();
    await item.getByRole('button', { name: 'Co-sign addendum' }).click();
    await addenda.getByRole('status').getByText(`Co-signed the addendum to Lee ${client.lastName}’s note.`).waitFor();
    await addenda.getByText('No addenda are waiting for your co-signature.').waitFor();
    await page.goto(`${suite.webUrl}/notes/history/${note.id}`);
    await expect.poll(() => page.getByText(/Co-signed by Dr\. Sam Okafor/).count()).toBe(2);
    expect(await page.getByText('Awaiting the supervisor’s co-signature').count()).toBe(0);
    await page.close();
  });

  it('starts the note of a session without one from the to-do list', async () => {
    const practice = await createTestPractice();
    const clinician = await createTestStaff(practice, { roles: ['CLINICIAN'] });
    const client = await createTestClient(practice, { firstName: 'Noor' });
    const session = await createTestAppointment(practice, client, clinician, { startsAt: new Date(Date.now() - 3 * 86_400_000), status: 'COMPLETED' });
    const page = await suite.browser.newPage();
    await suite.signInAs(page, clinician.email);
    await page.goto(`${suite.webUrl}/notes`);
    const row = page.getByRole('row', { name: new RegExp(client.lastName) });
    await row.getByText('No note yet').waitFor();
    await row.getByRole('button', { name: `Write note for Noor ${client.lastName}…` }).click();
    await page.getByLabel('Note type').selectOption({ label: 'SOAP note' });
    await page.getByRole('button', { name: 'Write note', exact: true }).click();
    await page.waitForURL(/\/notes\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: `SOAP note — Noor ${client.lastName}` }).waitFor();
    expect(await testPrisma().clinicalNote.findFirstOrThrow({ where: { appointmentId: session.id } })).toMatchObject({ noteType: 'SOAP', status: 'DRAFT' });
    await page.close();
  });
});
