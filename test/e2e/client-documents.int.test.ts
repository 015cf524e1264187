// Client documents through the S3 API (the local S3-compatible server the test setup starts):
// a presigned PUT, confirmation that checks what arrived, presigned GETs per read (audited), and
// refusals for other practices, roles, wrong types and sizes and files that never arrived.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestClient, createTestPractice, createTestStaff, testPrisma } from '../support/factories';
import { gql, tokenFor } from '../support/graphql-client';
import { startStack, type TestStack } from '../support/stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

const REQUEST = `mutation($clientId: ID!, $input: ClientDocumentUploadInput!) { requestClientDocumentUpload(clientId: $clientId, input: $input) { uploadUrl expiresAt document { id kind filename sizeBytes downloadUrl } } }`;
const CONFIRM = `mutation($id: ID!) { confirmClientDocument(id: $id) { id filename sizeBytes downloadUrl } }`;
const DOCUMENTS = `query($id: ID!) { client(id: $id) { documents { id kind filename contentType sizeBytes downloadUrl } } }`;
// A tiny but real PNG header is enough: storage does not look inside.
const card = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

async function deskWithClient() {
  const practice = await createTestPractice();
  const token = await tokenFor(await createTestStaff(practice, { roles: ['FRONT_DESK'] }));
  const client = await createTestClient(practice);
  return { practice, token, client };
}

async function requestUpload(token: string, clientId: string, input: Record<string, unknown> = {}) {
  const result = await gql(stack.routerUrl, REQUEST, { clientId, input: { kind: 'INSURANCE_CARD_FRONT', filename: 'card front.png', contentType: 'image/png', sizeBytes: card.length, ...input } }, token);
  return result;
}

describe('client documents', () => {
  it('uploads through a presigned PUT, confirms, and reads back through a presigned GET', async () => {
    const { practice, token, client } = await deskWithClient();
    const requested = await requestUpload(token, client.id);
    expect(requested.errors).toBeUndefined();
    const { uploadUrl, expiresAt, document } = requested.data!.requestClientDocumentUpload;
    expect(new Date(expiresAt).getTime() - Date.now()).toBeLessThanOrEqual(300_000);
    expect(uploadUrl).toContain('X-Amz-Expires=300');
    // The storage key is random: neither the client's name nor the file name is in the URL path.
    expect(new URL(uploadUrl).pathname).not.toMatch(new RegExp(`${client.lastName}|card`, 'i'));

    const early = await gql(stack.routerUrl, CONFIRM, { id: document.id }, token);
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOT_UPLOADED' });
    expect((await gql(stack.routerUrl, DOCUMENTS, { id: client.id }, token)).data!.client.documents).toEqual([]);

    const put = await fetch(uploadUrl, { method: 'PUT', headers: { 'content-type': 'image/png' }, body: card });
    expect(put.status).toBe(200);
    const confirmed = await gql(stack.routerUrl, CONFIRM, { id: document.id }, token);
    expect(confirmed.errors).toBeUndefined();

    const listed = await gql(stack.routerUrl, DOCUMENTS, { id: client.id }, token);
    const [stored] = listed.data!.client.documents;
    expect(stored).toMatchObject({ id: document.id, kind: 'INSURANCE_CARD_FRONT', filename: 'card front.png', contentType: 'image/png', sizeBytes: card.length });
    const download = await fetch(stored.downloadUrl);
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(card);

    const events = await testPrisma().auditEvent.findMany({ where: { practiceId: practice.id, entityId: document.id }, select: { action: true, entityType: true } });
    expect(events).toEqual(expect.arrayContaining([{ action: 'CREATE', entityType: 'ClientDocument' }, { action: 'READ', entityType: 'ClientDocument' }]));

    const removed = await gql(stack.routerUrl, `mutation($id: ID!) { removeClientDocument(id: $id) { id } }`, { id: document.id }, token);
    expect(removed.errors).toBeUndefined();
    expect((await fetch(stored.downloadUrl)).status).toBe(404);
  });

  it('refuses other types and sizes, and discards an upload that is not what was announced', async () => {
    const { token, client } = await deskWithClient();
    expect((await requestUpload(token, client.id, { contentType: 'text/html' })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'contentType' }] });
    expect((await requestUpload(token, client.id, { sizeBytes: 11 * 1024 * 1024 })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'sizeBytes' }] });
    expect((await requestUpload(token, client.id, { filename: '../../etc/passwd' })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    const announced = (await requestUpload(token, client.id, { sizeBytes: 4 })).data!.requestClientDocumentUpload;
    await fetch(announced.uploadUrl, { method: 'PUT', headers: { 'content-type': 'image/png' }, body: card });
    const confirmed = await gql(stack.routerUrl, CONFIRM, { id: announced.document.id }, token);
    expect(confirmed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await testPrisma().clientDocument.count({ where: { id: announced.document.id } })).toBe(0);
  });

  it("refuses another practice's client and document, roles that may not upload, and no token", async () => {
    const { practice, token, client } = await deskWithClient();
    const mine = (await requestUpload(token, client.id)).data!.requestClientDocumentUpload;
    await fetch(mine.uploadUrl, { method: 'PUT', headers: { 'content-type': 'image/png' }, body: card });
    const stranger = await deskWithClient();
    expect((await requestUpload(stranger.token, client.id)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await gql(stack.routerUrl, CONFIRM, { id: mine.document.id }, stranger.token)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await gql(stack.routerUrl, `mutation($id: ID!) { removeClientDocument(id: $id) { id } }`, { id: mine.document.id }, stranger.token)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const supervisor = await tokenFor(await createTestStaff(practice, { roles: ['SUPERVISOR'] }));
    expect((await requestUpload(supervisor, client.id)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await requestUpload('', client.id)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await testPrisma().clientDocument.count({ where: { clientId: client.id } })).toBe(1);
  });
});
