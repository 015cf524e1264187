// Signing clinical notes through the router: signing locks the note with a verified hash, an
// associate's note goes to the supervisor who co-signs or returns it, addenda add signed versions,
// bulk signing reports per note, and the database refuses or exposes any change to signed content.
import { createFieldCipher } from '@solace/server-kit';
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

const cipher = createFieldCipher();
const DAY = 86_400_000;
const codes = (result: { errors?: Array<{ extensions?: { code?: string } }> }) => (result.errors ?? []).map((e) => e.extensions?.code);

const NOTE = 'id status revision signedAt contentVerified signingPath dueAt versions { number kind text addendumText contentHash verified author { id } signatures { role signer { id } signedAt ip contentHash attestation } } reviewHistory { action actor { id } comment }';
const SIGN = `mutation ($id: ID!, $revision: Int, $attest: Boolean!) { signNote(id: $id, revision: $revision, attest: $attest) { ${NOTE} } }`;
const SUBMIT = `mutation ($id: ID!, $attest: Boolean!) { submitNoteForReview(id: $id, attest: $attest) { ${NOTE} } }`;
const COSIGN = `mutation ($id: ID!) { cosignNote(id: $id, attest: true) { ${NOTE} } }`;
const RETURN = `mutation ($id: ID!, $comment: String!) { returnNoteForRevision(id: $id, comment: $comment) { ${NOTE} } }`;
const ADDENDUM = 'mutation ($id: ID!, $text: String!, $attest: Boolean!) { addNoteAddendum(id: $id, text: $text, attest: $attest) { number kind addendumText verified } }';
const READ = `query ($id: ID!) { clinicalNote(id: $id) { ${NOTE} } }`;
const BULK = 'mutation ($ids: [ID!]!) { signNotes(ids: $ids, attest: true) { signed submittedForReview refused { noteId code } notes { id status } } }';
const UNSIGNED = 'query { unsignedNotes { id state serviceDate dueAt daysOverdue returnComment note { id } client { id } } }';
const QUEUE = 'query { noteReviewQueue { id author { id } serviceDate note { id status } } }';

async function clinic() {
  const practice = await createTestPractice();
  const clinician = await createTestStaff(practice, { roles: ['CLINICIAN'] });
  const supervisor = await createTestStaff(practice, { roles: ['CLINICIAN', 'SUPERVISOR'] });
  const associate = await createTestStaff(practice, { roles: ['CLINICIAN'] });
  const otherSupervisor = await createTestStaff(practice, { roles: ['CLINICIAN', 'SUPERVISOR'] });
  await testPrisma().supervisionLink.create({ data: { practiceId: practice.id, supervisorId: supervisor.id, superviseeId: associate.id } });
  return { practice, clinician, supervisor, associate, otherSupervisor };
}

let sessions = 0;
/** A draft note of a session about `daysAgo` days ago (an hour apart, never overlapping), stored the way the note module stores it. */
async function draftNote(practice: { id: string }, author: { id: string }, options: { body?: string; daysAgo?: number } = {}) {
  const client = await createTestClient(practice);
  const startsAt = new Date(Date.now() - (options.daysAgo ?? 1) * DAY - (sessions++ % 20) * 3600_000);
  const appointment = await createTestAppointment(practice, client, author, { startsAt, status: 'COMPLETED' });
  return testPrisma().clinicalNote.create({
    data: {
      practiceId: practice.id,
      appointmentId: appointment.id,
      clientId: client.id,
      authorId: author.id,
      serviceDate: startsAt,
      noteType: 'PROGRESS',
      diagnosisCodes: ['F41.1'],
      body: cipher.encrypt(options.body ?? 'Client reports better sleep.\nPlan: continue CBT.', 'ClinicalNote.body'),
      content: cipher.encrypt('{}', 'ClinicalNote.content'),
    },
  });
}

describe('signing a note', () => {
  it('signs and locks the author’s draft with signer, time, address and a verified SHA-256 hash', async () => {
    const c = await clinic();
    const note = await draftNote(c.practice, c.clinician);
    const token = await tokenFor(c.clinician);
    const before = await gql(stack.routerUrl, READ, { id: note.id }, token);
    expect(before.data!.clinicalNote).toMatchObject({ status: 'DRAFT', signingPath: 'SIGN', contentVerified: null, versions: [] });
    expect(new Date(before.data!.clinicalNote.dueAt).getTime()).toBe(note.serviceDate.getTime() + 7 * DAY);

    const signed = await gql(stack.routerUrl, SIGN, { id: note.id, revision: 1, attest: true }, token);
    expect(signed.errors).toBeUndefined();
    const result = signed.data!.signNote;
    expect(result).toMatchObject({ status: 'SIGNED', contentVerified: true });
    expect(result.versions).toHaveLength(1);
    const [version] = result.versions;
    expect(version).toMatchObject({ number: 1, kind: 'ORIGINAL', verified: true, author: { id: c.clinician.id } });
    expect(version.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(version.text).toContain('Plan: continue CBT.');
    expect(version.text).toContain('Diagnoses: F41.1');
    expect(version.signatures).toEqual([expect.objectContaining({ role: 'AUTHOR', signer: { id: c.clinician.id }, contentHash: version.contentHash, attestation: expect.stringContaining('I attest') })]);
    expect(version.signatures[0].ip).toEqual(expect.any(String));

    // Locked: signing again is refused, and the database itself refuses edits of signed content.
    expect(codes(await gql(stack.routerUrl, SIGN, { id: note.id, attest: true }, token))).toEqual(['CONFLICT']);
    await expect(testPrisma().clinicalNote.updateMany({ where: { id: note.id }, data: { body: cipher.encrypt('changed', 'ClinicalNote.body') } })).rejects.toThrow();
    await expect(testPrisma().clinicalNote.updateMany({ where: { id: note.id }, data: { status: 'DRAFT' } })).rejects.toThrow();
    await expect(testPrisma().clinicalNote.deleteMany({ where: { id: note.id } })).rejects.toThrow();
    await expect(testPrisma().noteVersion.updateMany({ where: { noteId: note.id }, data: { contentHash: 'x' } })).rejects.toThrow();
    await expect(testPrisma().noteSignature.deleteMany({ where: { contentHash: version.contentHash } })).rejects.toThrow();
  });

  it('refuses a stale revision, a missing attestation, an empty note, someone else and another practice', async () => {
    const c = await clinic();
    const stranger = await clinic();
    const note = await draftNote(c.practice, c.clinician);
    const empty = await draftNote(c.practice, c.clinician, { body: '  ' });
    const token = await tokenFor(c.clinician);
    expect(codes(await gql(stack.routerUrl, SIGN, { id: note.id, revision: 7, attest: true }, token))).toEqual(['CONFLICT']);
    expect(codes(await gql(stack.routerUrl, SIGN, { id: note.id, attest: false }, token))).toEqual(['BAD_USER_INPUT']);
    const incomplete = await gql(stack.routerUrl, SIGN, { id: empty.id, attest: true }, token);
    expect(codes(incomplete)).toEqual(['NOTE_INCOMPLETE']);
    expect(incomplete.errors![0]!.extensions!.fields).toEqual(['body']);
    // An admin may read the note but never sign someone else's; a supervisor who does not supervise
    // the author, or another clinician, cannot even see it.
    const admin = await tokenFor(await createTestStaff(c.practice, { roles: ['ADMIN'] }));
    expect(codes(await gql(stack.routerUrl, SIGN, { id: note.id, attest: true }, admin))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(stack.routerUrl, SIGN, { id: note.id, attest: true }, await tokenFor(c.supervisor)))).toEqual(['NOT_FOUND']);
    expect(codes(await gql(stack.routerUrl, SIGN, { id: note.id, attest: true }, await tokenFor(c.associate)))).toEqual(['NOT_FOUND']);
    expect(codes(await gql(stack.routerUrl, SIGN, { id: note.id, attest: true }, await tokenFor(stranger.clinician)))).toEqual(['NOT_FOUND']);
    const desk = await createTestStaff(c.practice, { roles: ['FRONT_DESK'] });
    expect(codes(await gql(stack.routerUrl, SIGN, { id: note.id, attest: true }, await tokenFor(desk)))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(stack.routerUrl, SIGN, { id: note.id, attest: true }))).toEqual(['UNAUTHENTICATED']);
    expect((await testPrisma().clinicalNote.findFirst({ where: { id: note.id } }))!.status).toBe('DRAFT');
  });
});

describe('supervisor review of an associate’s note', () => {
  it('sends the associate’s note to the supervisor, who returns it with comments and then co-signs it', async () => {
    const c = await clinic();
    const note = await draftNote(c.practice, c.associate);
    const associate = await tokenFor(c.associate);
    const supervisor = await tokenFor(c.supervisor);
    expect((await gql(stack.routerUrl, READ, { id: note.id }, associate)).data!.clinicalNote.signingPath).toBe('SUBMIT_FOR_REVIEW');
    expect(codes(await gql(stack.routerUrl, SIGN, { id: note.id, attest: true }, associate))).toEqual(['REVIEW_REQUIRED']);
    // Nothing to review before submission.
    expect(codes(await gql(stack.routerUrl, COSIGN, { id: note.id }, supervisor))).toEqual(['CONFLICT']);

    const submitted = await gql(stack.routerUrl, SUBMIT, { id: note.id, attest: true }, associate);
    expect(submitted.data!.submitNoteForReview.status).toBe('IN_REVIEW');
    expect((await gql(stack.routerUrl, QUEUE, {}, supervisor)).data!.noteReviewQueue).toEqual([expect.objectContaining({ id: note.id, author: { id: c.associate.id } })]);
    expect((await gql(stack.routerUrl, QUEUE, {}, await tokenFor(c.otherSupervisor))).data!.noteReviewQueue).toEqual([]);
    // The database refuses content changes while in review.
    await expect(testPrisma().clinicalNote.updateMany({ where: { id: note.id }, data: { diagnosisCodes: ['F32.0'] } })).rejects.toThrow();

    // Wrong people: the associate cannot co-sign (no role); another supervisor is not theirs and
    // does not even see the note.
    expect(codes(await gql(stack.routerUrl, COSIGN, { id: note.id }, associate))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(stack.routerUrl, COSIGN, { id: note.id }, await tokenFor(c.otherSupervisor)))).toEqual(['NOT_FOUND']);
    expect(codes(await gql(stack.routerUrl, RETURN, { id: note.id, comment: 'No.' }, await tokenFor(c.otherSupervisor)))).toEqual(['NOT_FOUND']);
    expect(codes(await gql(stack.routerUrl, RETURN, { id: note.id, comment: '  ' }, supervisor))).toEqual(['BAD_USER_INPUT']);

    const returned = await gql(stack.routerUrl, RETURN, { id: note.id, comment: 'Add the risk assessment.' }, supervisor);
    expect(returned.data!.returnNoteForRevision.status).toBe('DRAFT');
    const todo = (await gql(stack.routerUrl, UNSIGNED, {}, associate)).data!.unsignedNotes;
    expect(todo).toEqual([expect.objectContaining({ state: 'RETURNED', returnComment: 'Add the risk assessment.', note: { id: note.id } })]);

    expect((await gql(stack.routerUrl, SUBMIT, { id: note.id, attest: true }, associate)).errors).toBeUndefined();
    const cosigned = await gql(stack.routerUrl, COSIGN, { id: note.id }, supervisor);
    expect(cosigned.errors).toBeUndefined();
    const final = cosigned.data!.cosignNote;
    expect(final).toMatchObject({ status: 'SIGNED', contentVerified: true });
    expect(final.versions[0].signatures.map((s: { role: string; signer: { id: string } }) => [s.role, s.signer.id])).toEqual([
      ['AUTHOR', c.associate.id],
      ['COSIGNER', c.supervisor.id],
    ]);
    expect(final.reviewHistory.map((e: { action: string; comment: string | null }) => [e.action, e.comment])).toEqual([
      ['SUBMITTED', null],
      ['RETURNED', 'Add the risk assessment.'],
      ['SUBMITTED', null],
      ['COSIGNED', null],
    ]);
    expect((await gql(stack.routerUrl, QUEUE, {}, supervisor)).data!.noteReviewQueue).toEqual([]);
  });

  it('lets a clinician without a supervisor sign but not submit, and keeps practices apart', async () => {
    const c = await clinic();
    const stranger = await clinic();
    const own = await draftNote(c.practice, c.clinician);
    expect(codes(await gql(stack.routerUrl, SUBMIT, { id: own.id, attest: true }, await tokenFor(c.clinician)))).toEqual(['CONFLICT']);
    const note = await draftNote(c.practice, c.associate);
    await gql(stack.routerUrl, SUBMIT, { id: note.id, attest: true }, await tokenFor(c.associate));
    expect(codes(await gql(stack.routerUrl, COSIGN, { id: note.id }, await tokenFor(stranger.supervisor)))).toEqual(['NOT_FOUND']);
    expect((await gql(stack.routerUrl, QUEUE, {}, await tokenFor(stranger.supervisor))).data!.noteReviewQueue).toEqual([]);
  });
});

describe('addenda and versions', () => {
  it('adds signed addenda as new verified versions and marks the note amended', async () => {
    const c = await clinic();
    const note = await draftNote(c.practice, c.clinician);
    const token = await tokenFor(c.clinician);
    expect(codes(await gql(stack.routerUrl, ADDENDUM, { id: note.id, text: 'Late entry.', attest: true }, token))).toEqual(['CONFLICT']);
    await gql(stack.routerUrl, SIGN, { id: note.id, attest: true }, token);
    expect(codes(await gql(stack.routerUrl, ADDENDUM, { id: note.id, text: ' ', attest: true }, token))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await gql(stack.routerUrl, ADDENDUM, { id: note.id, text: 'Mine now.', attest: true }, await tokenFor(c.associate)))).toEqual(['NOT_FOUND']);
    expect(codes(await gql(stack.routerUrl, ADDENDUM, { id: note.id, text: 'Admin note.', attest: true }, await tokenFor(await createTestStaff(c.practice, { roles: ['ADMIN'] }))))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(stack.routerUrl, ADDENDUM, { id: note.id, text: 'Supervisor note.', attest: true }, await tokenFor(c.supervisor)))).toEqual(['NOT_FOUND']);

    const added = await gql(stack.routerUrl, ADDENDUM, { id: note.id, text: 'Client called after the session: safety plan reviewed.', attest: true }, token);
    expect(added.data!.addNoteAddendum).toEqual({ number: 2, kind: 'ADDENDUM', addendumText: 'Client called after the session: safety plan reviewed.', verified: true });
    await gql(stack.routerUrl, ADDENDUM, { id: note.id, text: 'Second addendum.', attest: true }, token);

    const read = (await gql(stack.routerUrl, READ, { id: note.id }, token)).data!.clinicalNote;
    expect(read.status).toBe('AMENDED');
    expect(read.contentVerified).toBe(true);
    expect(read.versions.map((v: { number: number; kind: string; verified: boolean }) => [v.number, v.kind, v.verified])).toEqual([
      [1, 'ORIGINAL', true],
      [2, 'ADDENDUM', true],
      [3, 'ADDENDUM', true],
    ]);
    expect(read.versions[2].text).toContain(read.versions[0].text.split('\n').at(-1));
    expect(read.versions[2].text).toContain('safety plan reviewed.');
    expect(read.versions[2].text).toContain('Second addendum.');
    expect(read.versions[0].text).not.toContain('safety plan reviewed.');
  });

  it('shows tampering with a signed version or the signed note as unverified', async () => {
    const c = await clinic();
    const note = await draftNote(c.practice, c.clinician);
    const other = await draftNote(c.practice, c.clinician);
    const token = await tokenFor(c.clinician);
    await gql(stack.routerUrl, SIGN, { id: note.id, attest: true }, token);
    await gql(stack.routerUrl, ADDENDUM, { id: note.id, text: 'Addendum.', attest: true }, token);
    await gql(stack.routerUrl, SIGN, { id: other.id, attest: true }, token);

    // The table owner switches the triggers off (session_replication_role) and rewrites history.
    const prisma = testPrisma();
    const [original] = await prisma.noteVersion.findMany({ where: { noteId: note.id, number: 1 } });
    const forged = cipher.decrypt(original!.content, 'NoteVersion.content').replace('continue CBT', 'discontinue CBT');
    await prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL session_replication_role = replica`;
      await tx.$executeRaw`UPDATE "NoteVersion" SET "content" = ${cipher.encrypt(forged, 'NoteVersion.content')} WHERE "id" = ${original!.id}::uuid`;
      await tx.$executeRaw`UPDATE "ClinicalNote" SET "body" = ${cipher.encrypt('Rewritten.', 'ClinicalNote.body')} WHERE "id" = ${other.id}::uuid`;
    });
    const tampered = (await gql(stack.routerUrl, READ, { id: note.id }, token)).data!.clinicalNote;
    expect(tampered.contentVerified).toBe(false);
    expect(tampered.versions.map((v: { verified: boolean }) => v.verified)).toEqual([false, true]);
    const rewritten = (await gql(stack.routerUrl, READ, { id: other.id }, token)).data!.clinicalNote;
    expect(rewritten.contentVerified).toBe(false);
  });
});

describe('bulk signing and the queues', () => {
  it('signs the clinician’s ready notes and reports the others per note', async () => {
    const c = await clinic();
    const ready = [await draftNote(c.practice, c.clinician), await draftNote(c.practice, c.clinician)];
    const empty = await draftNote(c.practice, c.clinician, { body: '' });
    const notMine = await draftNote(c.practice, c.supervisor);
    const result = await gql(stack.routerUrl, BULK, { ids: [...ready.map((n) => n.id), empty.id, notMine.id] }, await tokenFor(c.clinician));
    expect(result.errors).toBeUndefined();
    expect(result.data!.signNotes.signed.sort()).toEqual(ready.map((n) => n.id).sort());
    expect(result.data!.signNotes.refused).toEqual([
      { noteId: empty.id, code: 'NOTE_INCOMPLETE' },
      { noteId: notMine.id, code: 'NOT_FOUND' },
    ]);
    expect(result.data!.signNotes.notes.map((n: { status: string }) => n.status)).toEqual(['SIGNED', 'SIGNED']);

    const associateNote = await draftNote(c.practice, c.associate);
    const submitted = await gql(stack.routerUrl, BULK, { ids: [associateNote.id] }, await tokenFor(c.associate));
    expect(submitted.data!.signNotes).toMatchObject({ signed: [], submittedForReview: [associateNote.id], refused: [] });
  });

  it('lists the clinician’s unsigned sessions oldest first with deadlines, including sessions without a note', async () => {
    const c = await clinic();
    const recent = await draftNote(c.practice, c.clinician, { daysAgo: 3 });
    const oldest = await draftNote(c.practice, c.clinician, { daysAgo: 20 });
    const signed = await draftNote(c.practice, c.clinician, { daysAgo: 15 });
    await gql(stack.routerUrl, SIGN, { id: signed.id, attest: true }, await tokenFor(c.clinician));
    const client = await createTestClient(c.practice);
    const undocumented = await createTestAppointment(c.practice, client, c.clinician, { startsAt: new Date(Date.now() - 10 * DAY), status: 'COMPLETED' });
    await createTestAppointment(c.practice, client, c.clinician, { startsAt: new Date(Date.now() - 9 * DAY), status: 'CANCELLED' });
    await createTestAppointment(c.practice, client, c.clinician, { startsAt: new Date(Date.now() + 2 * DAY) });
    await draftNote(c.practice, c.supervisor, { daysAgo: 30 });

    const items = (await gql(stack.routerUrl, UNSIGNED, {}, await tokenFor(c.clinician))).data!.unsignedNotes;
    expect(items.map((i: { id: string; state: string }) => [i.id, i.state])).toEqual([
      [oldest.appointmentId, 'DRAFT'],
      [undocumented.id, 'NOT_STARTED'],
      [recent.appointmentId, 'DRAFT'],
    ]);
    expect(items.map((i: { daysOverdue: number }) => i.daysOverdue)).toEqual([13, 3, 0]);
    expect(items[1]).toMatchObject({ note: null, client: { id: client.id } });
    expect(codes(await gql(stack.routerUrl, UNSIGNED, {}, await tokenFor(await createTestStaff(c.practice, { roles: ['BILLING'] }))))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(stack.routerUrl, QUEUE, {}, await tokenFor(c.clinician)))).toEqual(['FORBIDDEN']);

    // The deadline is the practice's rule: with notes due on day 10, the oldest is 10 days late.
    const admin = await tokenFor(await createTestStaff(c.practice, { roles: ['ADMIN'] }));
    const rules = { noteReminderDay: 8, noteSupervisorAlertDay: 10, noteBillingHoldDay: 14, planReviewReminderDay: 80, planReviewAlertDay: 90, planOutOfComplianceDay: 91, safetyPlanRequired: true };
    expect((await gql(stack.routerUrl, 'mutation ($input: ComplianceRulesInput!) { updateComplianceRules(input: $input) { noteSupervisorAlertDay } }', { input: rules }, admin)).errors).toBeUndefined();
    const later = (await gql(stack.routerUrl, UNSIGNED, {}, await tokenFor(c.clinician))).data!.unsignedNotes;
    expect(later.map((i: { daysOverdue: number }) => i.daysOverdue)).toEqual([10, 0, 0]);
    const note = await gql(stack.routerUrl, 'query ($id: ID!) { clinicalNote(id: $id) { serviceDate dueAt } }', { id: oldest.id }, await tokenFor(c.clinician));
    expect(Date.parse(note.data!.clinicalNote.dueAt) - Date.parse(note.data!.clinicalNote.serviceDate)).toBe(10 * DAY);
  });
});
