// The Assist panel in real Chromium with the demo provider (no AI service configured): a clinician
// pastes bullets into their draft note, gets a suggestion labelled as a demo, accepts it, and sees it
// in the note and saved; then finds the note on the search page with the word highlighted.
import { describe, expect, it } from 'vitest';
import { browserSuite } from '../support/browser-suite';
import { writtenNote } from '../support/clinical-note-fixtures';
import { createTestPractice, createTestStaff, testPrisma } from '../support/factories';

delete process.env.SOLACE_AI_PROVIDER;
delete process.env.OPENAI_API_KEY;
const suite = browserSuite();

describe('note assist', () => {
  it('pastes bullets, gets the demo suggestion, accepts it into the note, and finds the note by search', async () => {
    const practice = await createTestPractice();
    const clinician = await createTestStaff(practice, { displayName: 'Dr. Ada Okafor' });
    const { note, client } = await writtenNote(suite.stack.routerUrl, practice, clinician, { fields: {}, firstName: 'Priya' });

    const page = await suite.browser.newPage({ viewport: { width: 1400, height: 1100 } });
    await suite.signInAs(page, clinician.email);
    await page.goto(`${suite.webUrl}/notes/${note.id}`);
    const panel = page.getByRole('region', { name: 'Assist' });
    await panel.getByLabel('Transcript or bullet points').fill('- Priya reports constant worry about exams\n- plan: practice the breathing exercise daily');
    await panel.getByRole('button', { name: 'Suggest', exact: true }).click();
    await panel.getByRole('note').filter({ hasText: 'Demo suggestion (no AI service configured)' }).waitFor();
    // The client's name never reached the assistant.
    await panel.getByText('[client] reports constant worry about exams.').waitFor();
    await panel.getByRole('button', { name: 'Accept all' }).click();
    await panel.getByRole('status').filter({ hasText: 'Accepted into the note and saved.' }).waitFor();

    await expect.poll(async () => (await page.getByLabel('Subjective').inputValue())).toBe('[client] reports constant worry about exams.');
    expect(await page.getByLabel(/^Plan/).inputValue()).toBe('plan: practice the breathing exercise daily.');
    const saved = await testPrisma().clinicalNote.findFirstOrThrow({ where: { id: note.id } });
    expect(saved.revision).toBe(2);
    const suggestion = await testPrisma().noteSuggestion.findFirstOrThrow({ where: { noteId: note.id } });
    expect(suggestion).toMatchObject({ status: 'ACCEPTED', provider: 'demo', decidedById: clinician.id, acceptedParts: ['subjective', 'plan'] });

    await page.goto(`${suite.webUrl}/notes/search`);
    await page.getByLabel('Search your notes').fill('exam');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const result = page.getByRole('link', { name: new RegExp(`Priya ${client.lastName}`) });
    await result.waitFor();
    expect(await page.locator('mark').first().textContent()).toBe('exams');
    await result.click();
    await page.waitForURL(new RegExp(`/notes/${note.id}$`));
  });
});
