// One rule decides who reads a clinical note, on every path: the author, the practice's admins,
// and the supervisors currently supervising the author. A supervisor of someone else, a colleague
// or the front desk gets NOT_FOUND (not even the note's existence), and search finds the same
// notes the reader can open. Ending a supervision ends the access.
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
const READ = 'query ($id: ID!) { clinicalNote(id: $id) { id versions { number } } }';
const SEARCH = 'query ($q: String!) { searchNotes(query: $q) { note { id } } }';
const codes = (result: { errors?: Array<{ extensions?: { code?: string } }> }) => (result.errors ?? []).map((e) => e.extensions?.code);

async function noteBy(practice: { id: string }, author: { id: string }, hoursAgo: number, body: string) {
  const client = await createTestClient(practice);
  const startsAt = new Date(Date.now() - hoursAgo * 3600_000);
  const appointment = await createTestAppointment(practice, client, author, { startsAt, status: 'COMPLETED' });
  return testPrisma().clinicalNote.create({
    data: { practiceId: practice.id, appointmentId: appointment.id, clientId: client.id, authorId: author.id, serviceDate: startsAt, noteType: 'PROGRESS', body: cipher.encrypt(body, 'ClinicalNote.body'), content: cipher.encrypt('{}', 'ClinicalNote.content') },
  });
}

describe('who reads a clinical note', () => {
  it('lets the author, an admin and the author’s current supervisor read it, and nobody else', async () => {
    const practice = await createTestPractice();
    const supervisor = await createTestStaff(practice, { roles: ['CLINICIAN', 'SUPERVISOR'] });
    const associate = await createTestStaff(practice, { roles: ['CLINICIAN'] });
    const licensed = await createTestStaff(practice, { roles: ['CLINICIAN'] });
    const link = await testPrisma().supervisionLink.create({ data: { practiceId: practice.id, supervisorId: supervisor.id, superviseeId: associate.id } });
    const word = `kestrel${Date.now()}`;
    const associateNote = await noteBy(practice, associate, 30, `Practised grounding; ${word}.`);
    const licensedNote = await noteBy(practice, licensed, 28, `Reviewed sleep diary; ${word}.`);

    const read = async (token: string, id: string) => gql(stack.routerUrl, READ, { id }, token);
    const found = async (token: string) => ((await gql(stack.routerUrl, SEARCH, { q: word }, token)).data!.searchNotes as Array<{ note: { id: string } }>).map((hit) => hit.note.id).sort();

    const supervisorToken = await tokenFor(supervisor);
    expect((await read(supervisorToken, associateNote.id)).data!.clinicalNote.id).toBe(associateNote.id);
    expect(codes(await read(supervisorToken, licensedNote.id))).toEqual(['NOT_FOUND']);
    expect(await found(supervisorToken)).toEqual([associateNote.id]);

    const admin = await tokenFor(await createTestStaff(practice, { roles: ['ADMIN'] }));
    expect((await read(admin, licensedNote.id)).data!.clinicalNote.id).toBe(licensedNote.id);
    expect(await found(admin)).toEqual([associateNote.id, licensedNote.id].sort());

    const licensedToken = await tokenFor(licensed);
    expect(codes(await read(licensedToken, associateNote.id))).toEqual(['NOT_FOUND']);
    expect(await found(licensedToken)).toEqual([licensedNote.id]);
    const desk = await tokenFor(await createTestStaff(practice, { roles: ['FRONT_DESK'] }));
    expect(codes(await read(desk, associateNote.id))).toEqual(['FORBIDDEN']);
    const stranger = await tokenFor(await createTestStaff(await createTestPractice(), { roles: ['ADMIN', 'SUPERVISOR', 'CLINICIAN'] }));
    expect(codes(await read(stranger, associateNote.id))).toEqual(['NOT_FOUND']);

    // The supervision ends: so does the supervisor's access, in reading and in search.
    await testPrisma().supervisionLink.update({ where: { id: link.id }, data: { endedAt: new Date() } });
    const laterToken = await tokenFor(supervisor);
    expect(codes(await read(laterToken, associateNote.id))).toEqual(['NOT_FOUND']);
    expect(await found(laterToken)).toEqual([]);
  });
});
