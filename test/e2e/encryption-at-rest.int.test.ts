// Note bodies and messages are stored encrypted, read back in the clear through the API, and
// survive a key rotation.
import { createFieldCipher, createPrismaClient } from '@solace/server-kit';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rotateKeys } from '../../scripts/keys-rotate';
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

describe('encryption at rest', () => {
  it('stores note bodies and messages as AES-GCM ciphertext and serves them decrypted', async () => {
    const practice = await createTestPractice();
    const clinician = await createTestStaff(practice);
    const client = await createTestClient(practice);
    const appointment = await createTestAppointment(practice, client, clinician);
    const token = await tokenFor(clinician);

    const note = await gql<{ createDraftNote: { id: string; body: string } }>(stack.routerUrl, 'mutation ($a: ID!) { createDraftNote(appointmentId: $a, body: "Discussed panic attacks at work.") { id body } }', { a: appointment.id }, token);
    expect(note.data!.createDraftNote.body).toBe('Discussed panic attacks at work.');
    const thread = await gql<{ startThread: { id: string } }>(stack.routerUrl, 'mutation ($c: ID!) { startThread(clientId: $c, subject: "Hello") { id } }', { c: client.id }, token);
    await gql(stack.routerUrl, 'mutation ($t: ID!) { sendMessage(threadId: $t, body: "My new medication dose is 50mg.") { id } }', { t: thread.data!.startThread.id }, token);

    const [storedNote] = await testPrisma().$queryRaw<Array<{ body: string }>>`select body from "ClinicalNote" where id = ${note.data!.createDraftNote.id}::uuid`;
    const [storedMessage] = await testPrisma().$queryRaw<Array<{ body: string }>>`select body from "Message" where "threadId" = ${thread.data!.startThread.id}::uuid`;
    expect(storedNote!.body).toMatch(/^enc:v1:/);
    expect(storedNote!.body).not.toContain('panic');
    expect(storedMessage!.body).toMatch(/^enc:v1:/);
    expect(storedMessage!.body).not.toContain('medication');

    const read = await gql<{ thread: { messages: Array<{ body: string }> } }>(stack.routerUrl, 'query ($t: ID!) { thread(id: $t) { messages { body } } }', { t: thread.data!.startThread.id }, token);
    expect(read.data!.thread.messages).toEqual([{ body: 'My new medication dose is 50mg.' }]);
  });

  it('re-encrypts everything under a new key with the rotation command', async () => {
    const practice = await createTestPractice();
    const clinician = await createTestStaff(practice);
    const client = await createTestClient(practice);
    const appointment = await createTestAppointment(practice, client, clinician);
    const oldCipher = createFieldCipher({});
    const prisma = testPrisma();
    const note = await prisma.clinicalNote.create({ data: { practiceId: practice.id, appointmentId: appointment.id, clientId: appointment.clientId, serviceDate: appointment.startsAt, authorId: clinician.id, body: oldCipher.encrypt('Old key text', 'ClinicalNote.body') } });

    const newKeys = `k${Date.now()}:${randomBytes(32).toString('base64url')},${process.env.SOLACE_ENCRYPTION_KEYS ?? 'dev1:c29sYWNlLWRldmVsb3BtZW50LWtleS0wMDAwMDAwMDA'}`;
    const rotated = createFieldCipher({ SOLACE_ENCRYPTION_KEYS: newKeys });
    const rotator = createPrismaClient(process.env.DATABASE_OWNER_URL!, { poolSize: 2 });
    try {
      // Scoped to this test's practice so tests running alongside keep reading their rows.
      expect(await rotateKeys(rotator, rotated, { log: () => undefined, practiceId: practice.id })).toBe(1);
    } finally {
      await rotator.$disconnect();
    }
    const after = await prisma.clinicalNote.findUniqueOrThrow({ where: { id: note.id } });
    expect(rotated.isEncryptedWithCurrentKey(after.body)).toBe(true);
    expect(rotated.decrypt(after.body, 'ClinicalNote.body')).toBe('Old key text');
    expect(after.updatedAt).toEqual(note.updatedAt);
  });
});
