// Note templates end to end: built-ins per practice, the builder's rules, versioning (a note keeps
// the version it was written with), and who may read or change templates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestAppointment, createTestClient, createTestPractice, createTestStaff } from '../support/factories';
import { gql, tokenFor } from '../support/graphql-client';
import { startStack, type TestStack } from '../support/stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

const TEMPLATE = `id name noteType builtIn archived currentVersion { id version templateName fields { id kind label required helpText options scaleMin scaleMax scaleMinLabel scaleMaxLabel } }`;
const LIST = `query($type: NoteType) { noteTemplates(noteType: $type) { ${TEMPLATE} } }`;
const CREATE = `mutation($input: NoteTemplateInput!) { createNoteTemplate(input: $input) { ${TEMPLATE} } }`;
const UPDATE = `mutation($id: ID!, $input: NoteTemplateInput!) { updateNoteTemplate(id: $id, input: $input) { ${TEMPLATE} versions { version } } }`;
const START = `mutation($a: ID!, $t: NoteType!, $tpl: ID) { startNote(appointmentId: $a, noteType: $t, templateId: $tpl) { id revision templateVersion { id version fields { id } } } }`;

const groupTemplate = (fields: unknown[]) => ({ name: 'Group session', description: 'Weekly DBT skills group', noteType: 'PROGRESS', fields });
const BASE_FIELDS = [
  { id: 'skills', kind: 'MULTIPLE_CHOICE', label: 'Skills practised', required: true, options: ['Mindfulness', 'Distress tolerance', 'Emotion regulation'] },
  { id: 'engagement', kind: 'SCALE', label: 'Engagement', required: false, scaleMin: 1, scaleMax: 5, scaleMinLabel: 'Withdrawn', scaleMaxLabel: 'Fully engaged' },
  { id: 'homework_done', kind: 'CHECKBOX', label: 'Homework completed', required: false },
  { id: 'notes', kind: 'LONG_TEXT', label: 'Notes', required: false, helpText: 'Anything else worth recording.' },
];

describe('note templates', () => {
  it('gives every practice the built-in templates, SOAP and DAP with their real sections', async () => {
    const practice = await createTestPractice();
    const token = await tokenFor(await createTestStaff(practice));
    const result = await gql(stack.routerUrl, LIST, {}, token);
    expect(result.errors).toBeUndefined();
    const templates = result.data!.noteTemplates as Array<{ name: string; builtIn: boolean; noteType: string; currentVersion: { version: number; fields: Array<{ id: string; label: string }> } }>;
    const soap = templates.find((t) => t.name === 'SOAP note')!;
    const dap = templates.find((t) => t.name === 'DAP note')!;
    expect(soap).toMatchObject({ builtIn: true, noteType: 'SOAP', currentVersion: { version: 1 } });
    expect(soap.currentVersion.fields.map((f) => f.label).slice(0, 4)).toEqual(['Subjective', 'Objective', 'Assessment', 'Plan']);
    expect(dap.currentVersion.fields.map((f) => f.label).slice(0, 3)).toEqual(['Data', 'Assessment', 'Plan']);
    // A built-in for every note type.
    expect(new Set(templates.map((t) => t.noteType))).toEqual(new Set(['SOAP', 'PROGRESS', 'INTAKE_ASSESSMENT', 'PSYCHIATRIC_EVALUATION', 'TREATMENT_PLAN', 'SAFETY_PLAN', 'DISCHARGE_SUMMARY', 'CRISIS_INTERVENTION']));
    // Listing again does not copy them twice.
    const again = await gql(stack.routerUrl, LIST, {}, token);
    expect(again.data!.noteTemplates).toHaveLength(templates.length);
  });

  it('builds a custom template with every field kind, and refuses bad definitions with stable reasons', async () => {
    const practice = await createTestPractice();
    const token = await tokenFor(await createTestStaff(practice));
    const created = await gql(stack.routerUrl, CREATE, { input: groupTemplate([...BASE_FIELDS, { id: 'topic', kind: 'TEXT', label: 'Topic', required: true }, { id: 'next_group', kind: 'DATE', label: 'Next group', required: false }, { id: 'format', kind: 'SINGLE_CHOICE', label: 'Format', required: true, options: ['In person', 'Video'] }]) }, token);
    expect(created.errors).toBeUndefined();
    expect(created.data!.createNoteTemplate).toMatchObject({ name: 'Group session', builtIn: false, currentVersion: { version: 1 } });
    expect(created.data!.createNoteTemplate.currentVersion.fields[1]).toMatchObject({ kind: 'SCALE', scaleMin: 1, scaleMax: 5, scaleMinLabel: 'Withdrawn' });

    const refused = async (fields: unknown[], name = `T ${Math.random()}`) => {
      const result = await gql(stack.routerUrl, CREATE, { input: { ...groupTemplate(fields), name } }, token);
      expect(result.data).toBeNull();
      return result.errors![0]!.extensions as { code: string; reason: string };
    };
    expect(await refused([])).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'TEMPLATE_NO_FIELDS' });
    expect(await refused([{ id: 'mood', kind: 'SINGLE_CHOICE', label: 'Mood', required: false, options: [] }])).toMatchObject({ reason: 'FIELD_OPTIONS_REQUIRED', fields: [{ field: 'mood' }] });
    expect(await refused([{ id: 'a', kind: 'TEXT', label: 'A', required: false }, { id: 'a', kind: 'TEXT', label: 'B', required: false }])).toMatchObject({ reason: 'FIELD_ID_DUPLICATE' });
    expect(await refused([{ id: 'Bad Id', kind: 'TEXT', label: 'A', required: false }])).toMatchObject({ reason: 'FIELD_ID_INVALID' });
    expect(await refused([{ id: 'level', kind: 'SCALE', label: 'Level', required: false, scaleMin: 5, scaleMax: 1 }])).toMatchObject({ reason: 'FIELD_SCALE_INVALID' });
    expect(await refused([{ id: 'x', kind: 'TEXT', label: 'X', required: false, options: ['a'] }])).toMatchObject({ reason: 'FIELD_OPTIONS_NOT_ALLOWED' });
    expect(await refused(Array.from({ length: 41 }, (_, i) => ({ id: `f${i}`, kind: 'TEXT', label: `F${i}`, required: false })))).toMatchObject({ reason: 'TEMPLATE_TOO_MANY_FIELDS' });
    expect(await refused(BASE_FIELDS, 'Group session')).toMatchObject({ code: 'CONFLICT', reason: 'TEMPLATE_NAME_TAKEN' });
  });

  it('editing makes a new version; a note written with the old version keeps it', async () => {
    const practice = await createTestPractice();
    const clinician = await createTestStaff(practice);
    const token = await tokenFor(clinician);
    const client = await createTestClient(practice);
    const [first, second] = await Promise.all([createTestAppointment(practice, client, clinician), createTestAppointment(practice, client, clinician, { startsAt: new Date(Date.now() + 200 * 3600_000) })]);
    const template = (await gql(stack.routerUrl, CREATE, { input: groupTemplate(BASE_FIELDS) }, token)).data!.createNoteTemplate;

    const oldNote = await gql(stack.routerUrl, START, { a: first!.id, t: 'PROGRESS', tpl: template.id }, token);
    expect(oldNote.errors).toBeUndefined();
    expect(oldNote.data!.startNote.templateVersion).toMatchObject({ id: template.currentVersion.id, version: 1 });

    const edited = await gql(stack.routerUrl, UPDATE, { id: template.id, input: groupTemplate([...BASE_FIELDS, { id: 'attendance', kind: 'CHECKBOX', label: 'Attended whole session', required: true }]) }, token);
    expect(edited.errors).toBeUndefined();
    expect(edited.data!.updateNoteTemplate.currentVersion.version).toBe(2);
    expect(edited.data!.updateNoteTemplate.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);

    const newNote = await gql(stack.routerUrl, START, { a: second!.id, t: 'PROGRESS', tpl: template.id }, token);
    expect(newNote.data!.startNote.templateVersion.version).toBe(2);
    expect(newNote.data!.startNote.templateVersion.fields.map((f: { id: string }) => f.id)).toContain('attendance');

    const reread = await gql(stack.routerUrl, `query($id: ID!) { clinicalNote(id: $id) { templateVersion { version fields { id } } } }`, { id: oldNote.data!.startNote.id }, token);
    expect(reread.data!.clinicalNote.templateVersion.version).toBe(1);
    expect(reread.data!.clinicalNote.templateVersion.fields.map((f: { id: string }) => f.id)).not.toContain('attendance');
    // The old version's fields are what its content is checked against.
    const save = await gql(stack.routerUrl, `mutation($id: ID!) { saveNoteDraft(id: $id, expectedRevision: 1, content: "{\\"attendance\\": true}") { revision } }`, { id: oldNote.data!.startNote.id }, token);
    expect(save.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'UNKNOWN_FIELD' });
  });

  it('keeps built-ins read-only, lets only the author or an admin change a template, and keeps practices apart', async () => {
    const practice = await createTestPractice();
    const author = await createTestStaff(practice);
    const colleague = await tokenFor(await createTestStaff(practice));
    const admin = await tokenFor(await createTestStaff(practice, { roles: ['ADMIN'] }));
    const desk = await tokenFor(await createTestStaff(practice, { roles: ['FRONT_DESK'] }));
    const billing = await tokenFor(await createTestStaff(practice, { roles: ['BILLING'] }));
    const stranger = await tokenFor(await createTestStaff(await createTestPractice(), { roles: ['ADMIN'] }));
    const token = await tokenFor(author);

    const soap = ((await gql(stack.routerUrl, LIST, { type: 'SOAP' }, token)).data!.noteTemplates as Array<{ id: string; builtIn: boolean }>).find((t) => t.builtIn)!;
    const builtInEdit = await gql(stack.routerUrl, UPDATE, { id: soap.id, input: groupTemplate(BASE_FIELDS) }, admin);
    expect(builtInEdit.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'BUILT_IN_TEMPLATE' });

    const mine = (await gql(stack.routerUrl, CREATE, { input: groupTemplate(BASE_FIELDS) }, token)).data!.createNoteTemplate;
    expect((await gql(stack.routerUrl, UPDATE, { id: mine.id, input: groupTemplate(BASE_FIELDS) }, colleague)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect((await gql(stack.routerUrl, UPDATE, { id: mine.id, input: { ...groupTemplate(BASE_FIELDS), name: 'Group (admin)' } }, admin)).data!.updateNoteTemplate.name).toBe('Group (admin)');

    for (const role of [desk, billing]) {
      expect((await gql(stack.routerUrl, LIST, {}, role)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
      expect((await gql(stack.routerUrl, CREATE, { input: { ...groupTemplate(BASE_FIELDS), name: 'Desk' } }, role)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    }
    // Another practice sees neither the template nor can change it.
    expect((await gql(stack.routerUrl, `query($id: ID!) { noteTemplate(id: $id) { id } }`, { id: mine.id }, stranger)).errors![0]!.extensions!.code).toBe('NOT_FOUND');
    expect((await gql(stack.routerUrl, UPDATE, { id: mine.id, input: groupTemplate(BASE_FIELDS) }, stranger)).errors![0]!.extensions!.code).toBe('NOT_FOUND');
    const theirs = (await gql(stack.routerUrl, LIST, {}, stranger)).data!.noteTemplates as Array<{ id: string }>;
    expect(theirs.map((t) => t.id)).not.toContain(mine.id);
    expect(theirs.map((t) => t.id)).not.toContain(soap.id);

    const archived = await gql(stack.routerUrl, `mutation($id: ID!) { archiveNoteTemplate(id: $id) { archived } }`, { id: mine.id }, token);
    expect(archived.data!.archiveNoteTemplate.archived).toBe(true);
    expect(((await gql(stack.routerUrl, LIST, {}, token)).data!.noteTemplates as Array<{ id: string }>).map((t) => t.id)).not.toContain(mine.id);
  });
});
