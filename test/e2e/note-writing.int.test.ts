// Writing a note: starting it from an appointment (prefilled), autosave with optimistic locking,
// content checked against the template version, locked once signed, and who may do what.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestAppointment, createTestClient, createTestPractice, createTestStaff, testPrisma } from '../support/factories';
import { gql, tokenFor } from '../support/graphql-client';
import { startStack, type TestStack } from '../support/stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

const NOTE = `id noteType status revision body content diagnosisCodes missingRequired readyToSign serviceDate
  diagnoses { code description }
  templateVersion { version templateName fields { id label required } }
  appointment { id startsAt client { id firstName } clinician { id } service { name cptCode } }`;
const START = `mutation($a: ID!, $t: NoteType!) { startNote(appointmentId: $a, noteType: $t) { ${NOTE} } }`;
const json = (value: unknown) => JSON.stringify(value);
const SAVE = `mutation($id: ID!, $rev: Int!, $content: String, $body: String, $codes: [String!]) {
  saveNoteDraft(id: $id, expectedRevision: $rev, content: $content, body: $body, diagnosisCodes: $codes) { ${NOTE} } }`;
const READ = `query($id: ID!) { clinicalNote(id: $id) { ${NOTE} } }`;

async function setUp() {
  const prisma = testPrisma();
  const practice = await createTestPractice();
  const clinician = await createTestStaff(practice, { displayName: 'Dr. Rosa Diaz' });
  const client = await createTestClient(practice, { firstName: 'Imani' });
  const service = await prisma.service.create({ data: { practiceId: practice.id, name: 'Psychotherapy, 53 min', durationMinutes: 53, priceCents: 15000, cptCode: '90837' } });
  const startsAt = new Date(Date.now() - 2 * 3600_000);
  const appointment = await createTestAppointment(practice, client, clinician, { startsAt, status: 'COMPLETED' });
  await prisma.appointment.update({ where: { id: appointment.id }, data: { serviceId: service.id } });
  return { prisma, practice, clinician, client, appointment, startsAt, token: await tokenFor(clinician) };
}

describe('writing a note', () => {
  it('starts from the appointment with client, clinician, date, service and the SOAP template', async () => {
    const { clinician, client, appointment, startsAt, token } = await setUp();
    const started = await gql(stack.routerUrl, START, { a: appointment.id, t: 'SOAP' }, token);
    expect(started.errors).toBeUndefined();
    const note = started.data!.startNote;
    expect(note).toMatchObject({
      noteType: 'SOAP',
      status: 'DRAFT',
      revision: 1,
      serviceDate: startsAt.toISOString(),
      content: {},
      readyToSign: false,
      templateVersion: { version: 1, templateName: 'SOAP note' },
      appointment: { id: appointment.id, client: { id: client.id, firstName: 'Imani' }, clinician: { id: clinician.id }, service: { name: 'Psychotherapy, 53 min', cptCode: '90837' } },
    });
    expect(note.missingRequired).toEqual(['subjective', 'objective', 'assessment', 'plan', 'risk_level']);
    // One note per appointment.
    const twice = await gql(stack.routerUrl, START, { a: appointment.id, t: 'SOAP' }, token);
    expect(twice.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOTE_EXISTS' });
  });

  it("is written only by the appointment's clinician, and not across practices", async () => {
    const { practice, appointment } = await setUp();
    const colleague = await tokenFor(await createTestStaff(practice));
    const desk = await tokenFor(await createTestStaff(practice, { roles: ['FRONT_DESK'] }));
    const stranger = await tokenFor(await createTestStaff(await createTestPractice()));
    expect((await gql(stack.routerUrl, START, { a: appointment.id, t: 'SOAP' }, colleague)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect((await gql(stack.routerUrl, START, { a: appointment.id, t: 'SOAP' }, desk)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect((await gql(stack.routerUrl, START, { a: appointment.id, t: 'SOAP' }, stranger)).errors![0]!.extensions!.code).toBe('NOT_FOUND');
    expect(await testPrisma().clinicalNote.count({ where: { appointmentId: appointment.id } })).toBe(0);
  });

  it('autosaves with a moving revision, refuses a stale save without overwriting, and keeps content encrypted', async () => {
    const { prisma, appointment, token } = await setUp();
    const note = (await gql(stack.routerUrl, START, { a: appointment.id, t: 'SOAP' }, token)).data!.startNote;

    const first = await gql(stack.routerUrl, SAVE, { id: note.id, rev: 1, content: json({ subjective: 'Sleeping four hours a night since the layoff.' }) }, token);
    expect(first.errors).toBeUndefined();
    expect(first.data!.saveNoteDraft).toMatchObject({ revision: 2, content: { subjective: 'Sleeping four hours a night since the layoff.' } });

    // Second tab still at revision 1: refused, nothing written.
    const stale = await gql(stack.routerUrl, SAVE, { id: note.id, rev: 1, content: json({ subjective: 'Older text from another tab' }) }, token);
    expect(stale.data).toBeNull();
    expect(stale.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'STALE_REVISION', currentRevision: 2 });
    const reread = (await gql(stack.routerUrl, READ, { id: note.id }, token)).data!.clinicalNote;
    expect(reread).toMatchObject({ revision: 2, content: { subjective: 'Sleeping four hours a night since the layoff.' } });

    const full = {
      subjective: 'Sleeping four hours a night since the layoff.',
      objective: 'Tired, good eye contact, PHQ-9 14.',
      assessment: 'Moderate depressive episode, adjusting.',
      plan: 'CBT-I sleep diary; weekly sessions.',
      risk_level: 'Low',
    };
    const complete = await gql(stack.routerUrl, SAVE, { id: note.id, rev: 2, content: json(full), body: 'Client asked for a work letter.', codes: ['f32.1', 'Z56.0'] }, token);
    expect(complete.errors).toBeUndefined();
    expect(complete.data!.saveNoteDraft).toMatchObject({ revision: 3, missingRequired: [], readyToSign: true, diagnosisCodes: ['F32.1', 'Z56.0'], diagnoses: [{ code: 'F32.1', description: 'Major depressive disorder, single episode, moderate' }, { code: 'Z56.0', description: 'Unemployment, unspecified' }] });

    const [stored] = await prisma.$queryRaw<Array<{ content: string; body: string }>>`select content, body from "ClinicalNote" where id = ${note.id}::uuid`;
    expect(stored!.content).not.toContain('layoff');
    expect(stored!.body).not.toContain('work letter');
  });

  it('checks content against the template and codes against the code set', async () => {
    const { appointment, token } = await setUp();
    const note = (await gql(stack.routerUrl, START, { a: appointment.id, t: 'SOAP' }, token)).data!.startNote;
    const refusal = async (variables: Record<string, unknown>) => (await gql(stack.routerUrl, SAVE, { id: note.id, rev: 1, ...variables }, token)).errors![0]!.extensions;
    expect(await refusal({ content: json({ mood: 'fine' }) })).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'UNKNOWN_FIELD', fields: [{ field: 'mood' }] });
    expect(await refusal({ content: json({ risk_level: 'Extreme' }) })).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_FIELD_VALUE', fields: [{ field: 'risk_level' }] });
    expect(await refusal({ content: json({ plan: 42 }) })).toMatchObject({ reason: 'INVALID_FIELD_VALUE' });
    expect(await refusal({ content: 'not json' })).toMatchObject({ reason: 'CONTENT_NOT_JSON' });
    expect(await refusal({ codes: ['F99.9'] })).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'UNKNOWN_DIAGNOSIS_CODE' });
    // A category is not billable: only leaf codes go on a note.
    expect(await refusal({ codes: ['F32'] })).toMatchObject({ reason: 'UNKNOWN_DIAGNOSIS_CODE' });
    expect((await gql(stack.routerUrl, READ, { id: note.id }, token)).data!.clinicalNote.revision).toBe(1);
  });

  it('refuses saves once the note is not a draft, and lets only the author save', async () => {
    const { prisma, practice, appointment, token } = await setUp();
    const note = (await gql(stack.routerUrl, START, { a: appointment.id, t: 'SOAP' }, token)).data!.startNote;
    const colleague = await tokenFor(await createTestStaff(practice));
    const supervisor = await tokenFor(await createTestStaff(practice, { roles: ['SUPERVISOR'] }));
    const stranger = await tokenFor(await createTestStaff(await createTestPractice()));
    expect((await gql(stack.routerUrl, SAVE, { id: note.id, rev: 1, body: 'x' }, colleague)).errors![0]!.extensions!.code).toBe('NOT_FOUND');
    expect((await gql(stack.routerUrl, SAVE, { id: note.id, rev: 1, body: 'x' }, supervisor)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect((await gql(stack.routerUrl, SAVE, { id: note.id, rev: 1, body: 'x' }, stranger)).errors![0]!.extensions!.code).toBe('NOT_FOUND');
    expect((await gql(stack.routerUrl, READ, { id: note.id }, stranger)).errors![0]!.extensions!.code).toBe('NOT_FOUND');

    await prisma.clinicalNote.update({ where: { id: note.id }, data: { status: 'SIGNED', signedAt: new Date() } });
    const locked = await gql(stack.routerUrl, SAVE, { id: note.id, rev: 1, body: 'Changed after signing' }, token);
    expect(locked.errors![0]).toMatchObject({ message: 'Signed notes change only by addendum.', extensions: { code: 'CONFLICT', reason: 'NOTE_NOT_DRAFT' } });
    const old = await gql(stack.routerUrl, `mutation($id: ID!) { updateDraftNote(id: $id, body: "Changed") { id } }`, { id: note.id }, token);
    expect(old.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT' });
    expect((await gql(stack.routerUrl, READ, { id: note.id }, token)).data!.clinicalNote.body).toBe('');
  });

  it('keeps createDraftNote working for free-text notes', async () => {
    const { appointment, token } = await setUp();
    const created = await gql(stack.routerUrl, `mutation($a: ID!) { createDraftNote(appointmentId: $a, body: "Intake call") { id revision templateVersion { id } } }`, { a: appointment.id }, token);
    expect(created.data!.createDraftNote).toMatchObject({ revision: 1, templateVersion: null });
    const saved = await gql(stack.routerUrl, SAVE, { id: created.data!.createDraftNote.id, rev: 1, body: 'Intake call, 20 minutes' }, token);
    expect(saved.data!.saveNoteDraft).toMatchObject({ revision: 2, body: 'Intake call, 20 minutes', readyToSign: true });
    const content = await gql(stack.routerUrl, SAVE, { id: created.data!.createDraftNote.id, rev: 2, content: json({ anything: 'x' }) }, token);
    expect(content.errors![0]!.extensions).toMatchObject({ reason: 'NOTE_HAS_NO_TEMPLATE' });
  });
});
