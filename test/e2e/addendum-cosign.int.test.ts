// An associate's addendum is co-signed by their supervisor, like the note: it waits in the
// supervisor's queue marked as awaiting co-signature, the co-signature is a second signature on the
// addendum's version (which still verifies), and nobody else can give it, or give it twice.
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
const codes = (result: { errors?: Array<{ extensions?: { code?: string; reason?: string } }> }) => (result.errors ?? []).map((e) => e.extensions?.reason ?? e.extensions?.code);
const VERSIONS = 'versions { number kind addendumText verified awaitingCosignature signatures { role signer { id } } }';
const READ = `query ($id: ID!) { clinicalNote(id: $id) { id contentVerified ${VERSIONS} } }`;
const SUBMIT = 'mutation ($id: ID!) { submitNoteForReview(id: $id, attest: true) { id } }';
const COSIGN_NOTE = 'mutation ($id: ID!) { cosignNote(id: $id, attest: true) { id status } }';
const ADDENDUM = 'mutation ($id: ID!, $text: String!) { addNoteAddendum(id: $id, text: $text, attest: true) { number awaitingCosignature } }';
const QUEUE = 'query { addendaToCosign { note { id } client { id } version { number addendumText awaitingCosignature author { id } } } }';
const COSIGN = 'mutation ($noteId: ID!, $number: Int!, $attest: Boolean!) { cosignNoteAddendum(noteId: $noteId, versionNumber: $number, attest: $attest) { number verified awaitingCosignature signatures { role signer { id } } } }';

/** An associate's note, co-signed by their supervisor (the usual start of an addendum's life). */
async function cosignedNote() {
  const practice = await createTestPractice();
  const supervisor = await createTestStaff(practice, { roles: ['CLINICIAN', 'SUPERVISOR'] });
  const associate = await createTestStaff(practice, { roles: ['CLINICIAN'] });
  const otherSupervisor = await createTestStaff(practice, { roles: ['CLINICIAN', 'SUPERVISOR'] });
  const link = await testPrisma().supervisionLink.create({ data: { practiceId: practice.id, supervisorId: supervisor.id, superviseeId: associate.id } });
  const client = await createTestClient(practice);
  const startsAt = new Date(Date.now() - 2 * 86_400_000);
  const appointment = await createTestAppointment(practice, client, associate, { startsAt, status: 'COMPLETED' });
  const note = await testPrisma().clinicalNote.create({
    data: { practiceId: practice.id, appointmentId: appointment.id, clientId: client.id, authorId: associate.id, serviceDate: startsAt, noteType: 'PROGRESS', body: cipher.encrypt('Practised grounding.', 'ClinicalNote.body'), content: cipher.encrypt('{}', 'ClinicalNote.content') },
  });
  const tokens = { associate: await tokenFor(associate), supervisor: await tokenFor(supervisor), otherSupervisor: await tokenFor(otherSupervisor) };
  expect((await gql(stack.routerUrl, SUBMIT, { id: note.id }, tokens.associate)).errors).toBeUndefined();
  expect((await gql(stack.routerUrl, COSIGN_NOTE, { id: note.id }, tokens.supervisor)).data!.cosignNote.status).toBe('SIGNED');
  return { practice, supervisor, associate, link, client, note, tokens };
}

describe('co-signing an associate’s addendum', () => {
  it('queues the addendum for the supervisor, who co-signs it once; the version still verifies with both signatures', async () => {
    const c = await cosignedNote();
    const added = await gql(stack.routerUrl, ADDENDUM, { id: c.note.id, text: 'Client called: crisis plan reviewed.' }, c.tokens.associate);
    expect(added.data!.addNoteAddendum).toEqual({ number: 2, awaitingCosignature: true });

    const queue = await gql(stack.routerUrl, QUEUE, {}, c.tokens.supervisor);
    expect(queue.data!.addendaToCosign).toEqual([{ note: { id: c.note.id }, client: { id: c.client.id }, version: { number: 2, addendumText: 'Client called: crisis plan reviewed.', awaitingCosignature: true, author: { id: c.associate.id } } }]);
    expect((await gql(stack.routerUrl, QUEUE, {}, c.tokens.otherSupervisor)).data!.addendaToCosign).toEqual([]);

    // Not without the attestation, not the original version, not another supervisor, not the associate.
    expect(codes(await gql(stack.routerUrl, COSIGN, { noteId: c.note.id, number: 2, attest: false }, c.tokens.supervisor))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await gql(stack.routerUrl, COSIGN, { noteId: c.note.id, number: 1, attest: true }, c.tokens.supervisor))).toEqual(['NOT_AN_ADDENDUM']);
    expect(codes(await gql(stack.routerUrl, COSIGN, { noteId: c.note.id, number: 2, attest: true }, c.tokens.otherSupervisor))).toEqual(['NOT_FOUND']);
    expect(codes(await gql(stack.routerUrl, COSIGN, { noteId: c.note.id, number: 2, attest: true }, c.tokens.associate))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(stack.routerUrl, COSIGN, { noteId: c.note.id, number: 7, attest: true }, c.tokens.supervisor))).toEqual(['NOT_FOUND']);

    const cosigned = await gql(stack.routerUrl, COSIGN, { noteId: c.note.id, number: 2, attest: true }, c.tokens.supervisor);
    expect(cosigned.errors).toBeUndefined();
    expect(cosigned.data!.cosignNoteAddendum).toEqual({ number: 2, verified: true, awaitingCosignature: false, signatures: [{ role: 'AUTHOR', signer: { id: c.associate.id } }, { role: 'COSIGNER', signer: { id: c.supervisor.id } }] });
    expect(codes(await gql(stack.routerUrl, COSIGN, { noteId: c.note.id, number: 2, attest: true }, c.tokens.supervisor))).toEqual(['ALREADY_COSIGNED']);
    expect((await gql(stack.routerUrl, QUEUE, {}, c.tokens.supervisor)).data!.addendaToCosign).toEqual([]);

    const read = await gql(stack.routerUrl, READ, { id: c.note.id }, c.tokens.associate);
    expect(read.data!.clinicalNote.contentVerified).toBe(true);
    expect(read.data!.clinicalNote.versions.map((v: { number: number; awaitingCosignature: boolean }) => [v.number, v.awaitingCosignature])).toEqual([[1, false], [2, false]]);
  });

  it('lets two supervisors of one associate co-sign only once between them, even at the same moment', async () => {
    const c = await cosignedNote();
    const second = await createTestStaff(c.practice, { roles: ['SUPERVISOR'] });
    await testPrisma().supervisionLink.create({ data: { practiceId: c.practice.id, supervisorId: second.id, superviseeId: c.associate.id } });
    await gql(stack.routerUrl, ADDENDUM, { id: c.note.id, text: 'Late entry.' }, c.tokens.associate);
    const results = await Promise.all([c.tokens.supervisor, await tokenFor(second)].map((token) => gql(stack.routerUrl, COSIGN, { noteId: c.note.id, number: 2, attest: true }, token)));
    expect(results.filter((result) => !result.errors).length).toBe(1);
    expect(results.flatMap(codes)).toEqual(['ALREADY_COSIGNED']);
    expect(await testPrisma().noteSignature.count({ where: { role: 'COSIGNER', version: { noteId: c.note.id, number: 2 } } })).toBe(1);
  });

  it('does not ask for a co-signature on a licensed clinician’s addendum', async () => {
    const c = await cosignedNote();
    // Once the associate is licensed and the supervision ends, their addenda are theirs alone.
    await testPrisma().supervisionLink.update({ where: { id: c.link.id }, data: { endedAt: new Date() } });
    const added = await gql(stack.routerUrl, ADDENDUM, { id: c.note.id, text: 'Licensed now.' }, c.tokens.associate);
    expect(added.data!.addNoteAddendum).toEqual({ number: 2, awaitingCosignature: false });
    expect((await gql(stack.routerUrl, QUEUE, {}, c.tokens.supervisor)).data!.addendaToCosign).toEqual([]);
  });

  it('leaves addenda written before a supervision began to their author', async () => {
    const c = await cosignedNote();
    await testPrisma().supervisionLink.update({ where: { id: c.link.id }, data: { endedAt: new Date() } });
    await gql(stack.routerUrl, ADDENDUM, { id: c.note.id, text: 'Written while licensed.' }, c.tokens.associate);
    // Supervised again from now on: the earlier addendum does not become the supervisor's to co-sign.
    await testPrisma().supervisionLink.create({ data: { practiceId: c.practice.id, supervisorId: c.supervisor.id, superviseeId: c.associate.id, startedAt: new Date(Date.now() + 1000) } });
    expect((await gql(stack.routerUrl, QUEUE, {}, c.tokens.supervisor)).data!.addendaToCosign).toEqual([]);
    const read = await gql(stack.routerUrl, READ, { id: c.note.id }, c.tokens.associate);
    expect(read.data!.clinicalNote.versions.map((v: { awaitingCosignature: boolean }) => v.awaitingCosignature)).toEqual([false, false]);
  });
});
