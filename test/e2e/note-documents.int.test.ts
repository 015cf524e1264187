// Note documents through the router: a signed note renders to a real PDF (header with the practice,
// footer with page numbers and "Confidential — PHI", the signed content's hash), drafts are refused,
// another practice sees nothing; sharing with the client and revoking, with the portal's view; every
// generation and share audited.
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOAP_FIELDS, writtenNote } from '../support/clinical-note-fixtures';
import { createTestPractice, createTestStaff, testPrisma } from '../support/factories';
import { gql, tokenFor } from '../support/graphql-client';
import { startStack, type TestStack } from '../support/stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

const FILE = 'filename contentType sizeBytes base64 contentHash versionNumber';
const PDF = `query($id: ID!, $kind: SharedDocumentKind) { noteDocument(noteId: $id, kind: $kind) { ${FILE} } }`;
const SHARED = 'id noteId clientId kind versionNumber noteType serviceDate sharedByName sharedAt revokedAt';
const SHARE = `mutation($id: ID!, $kind: SharedDocumentKind) { shareNoteWithClient(noteId: $id, kind: $kind) { ${SHARED} } }`;
const REVOKE = `mutation($id: ID!) { revokeSharedDocument(id: $id) { ${SHARED} } }`;
const LIST = `query($clientId: ID!) { sharedDocuments(clientId: $clientId) { ${SHARED} } }`;
const codes = (result: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => (result.errors ?? []).map((e) => e.extensions?.code);

async function pdfText(base64: string) {
  const data = Buffer.from(base64, 'base64');
  const parser = new PDFParse({ data: new Uint8Array(data) });
  try {
    const { text, total } = await parser.getText();
    return { header: data.subarray(0, 5).toString('latin1'), text: text.replace(/\s+/g, ' '), pages: total };
  } finally {
    await parser.destroy();
  }
}

async function signedNote(fields: Record<string, string> = SOAP_FIELDS) {
  const practice = await createTestPractice();
  const author = await createTestStaff(practice, { roles: ['CLINICIAN'], displayName: 'Maya Lindqvist' });
  const written = await writtenNote(stack.routerUrl, practice, author, { fields, sign: true });
  return { practice, author, ...written };
}

describe('note documents', () => {
  it('renders a signed note as a branded PDF with the signed hash, page numbers and the PHI footer, and audits it', async () => {
    const long = 'The client described the week in detail, session by session, with the worries that kept returning. '.repeat(40);
    const { practice, author, client, note, token } = await signedNote({ ...SOAP_FIELDS, subjective: long });
    await testPrisma().staffUser.update({ where: { id: author.id }, data: { credentials: 'LPC' } });
    await testPrisma().practice.update({ where: { id: practice.id }, data: { addressLine1: '12 Peachtree St NE', addressCity: 'Atlanta', addressState: 'GA', addressPostalCode: '30303', phone: '(404) 555-0142', npi: '1234567893' } });
    const result = await gql(stack.routerUrl, PDF, { id: note.id }, token);
    expect(result.errors).toBeUndefined();
    const file = result.data!.noteDocument;
    expect(file).toMatchObject({ contentType: 'application/pdf', versionNumber: 1, filename: expect.stringMatching(/^clinical-note-\d{4}-\d{2}-\d{2}\.pdf$/) });
    const version = await testPrisma().noteVersion.findFirst({ where: { noteId: note.id } });
    expect(file.contentHash).toBe(version!.contentHash);

    const { header, text, pages } = await pdfText(file.base64);
    expect(header).toBe('%PDF-');
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(text).toContain(practice.name);
    // The practice's details under its name (Practice settings › Practice details).
    expect(text).toContain('12 Peachtree St NE');
    expect(text).toContain('Atlanta, GA 30303');
    expect(text).toContain('(404) 555-0142 · NPI 1234567893');
    expect(text).toContain(`${client.firstName} ${client.lastName}`);
    expect(text).toContain('1990-04-12');
    expect(text).toContain('Maya Lindqvist, LPC');
    expect(text).toContain('Plan');
    expect(text).toContain('Continue CBT weekly');
    expect(text).toContain('F41.1 Generalized anxiety disorder');
    expect(text.replace(/ /g, '')).toContain(version!.contentHash);
    expect(text).toContain('Confidential — PHI');
    expect(text).toContain(`Page 1 of ${pages}`);
    expect(text).toContain(`Page ${pages} of ${pages}`);

    const audit = await testPrisma().auditEvent.findMany({ where: { practiceId: practice.id, entityType: 'ClinicalNote', entityId: note.id, action: 'EXPORT', actorId: author.id } });
    expect(audit.length).toBe(1);
  });

  it('prints addenda, and a session summary leaves out the assessment and diagnoses', async () => {
    const { note, token } = await signedNote();
    const addendum = await gql(stack.routerUrl, 'mutation($id: ID!) { addNoteAddendum(id: $id, text: "Client called to confirm the homework plan.", attest: true) { number } }', { id: note.id }, token);
    expect(addendum.errors).toBeUndefined();
    const full = await pdfText((await gql(stack.routerUrl, PDF, { id: note.id }, token)).data!.noteDocument.base64);
    expect(full.text).toContain('Addendum 1');
    expect(full.text).toContain('Client called to confirm the homework plan.');

    const summaryFile = (await gql(stack.routerUrl, PDF, { id: note.id, kind: 'SESSION_SUMMARY' }, token)).data!.noteDocument;
    expect(summaryFile.filename).toMatch(/^session-summary-/);
    const summary = await pdfText(summaryFile.base64);
    expect(summary.text).toContain('Session summary');
    expect(summary.text).toContain('Continue CBT weekly');
    expect(summary.text).not.toContain('Generalized anxiety');
    expect(summary.text).not.toContain('Appeared tired');
    expect(summary.text).not.toContain('Client called to confirm');
  });

  it('refuses drafts with NOTE_NOT_SIGNED and hides notes from other practices and from other clinicians', async () => {
    const practice = await createTestPractice();
    const author = await createTestStaff(practice, { roles: ['CLINICIAN'] });
    const draft = await writtenNote(stack.routerUrl, practice, author);
    const refused = await gql(stack.routerUrl, PDF, { id: draft.note.id }, draft.token);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOTE_NOT_SIGNED' });
    expect(codes(await gql(stack.routerUrl, SHARE, { id: draft.note.id }, draft.token))).toEqual(['CONFLICT']);

    const signed = await writtenNote(stack.routerUrl, practice, author, { sign: true });
    const stranger = await tokenFor(await createTestStaff(await createTestPractice(), { roles: ['ADMIN', 'CLINICIAN'] }));
    const colleague = await tokenFor(await createTestStaff(practice, { roles: ['CLINICIAN'] }));
    const desk = await tokenFor(await createTestStaff(practice, { roles: ['FRONT_DESK'] }));
    expect(codes(await gql(stack.routerUrl, PDF, { id: signed.note.id }, stranger))).toEqual(['NOT_FOUND']);
    expect(codes(await gql(stack.routerUrl, PDF, { id: signed.note.id }, colleague))).toEqual(['NOT_FOUND']);
    expect(codes(await gql(stack.routerUrl, PDF, { id: signed.note.id }, desk))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(stack.routerUrl, SHARE, { id: signed.note.id }, stranger))).toEqual(['NOT_FOUND']);
  });

  it('shares a signed note with its client, lists it for staff and the portal, and revokes it', async () => {
    const { practice, author, client, note, token } = await signedNote();
    const shared = await gql(stack.routerUrl, SHARE, { id: note.id, kind: 'SESSION_SUMMARY' }, token);
    expect(shared.errors).toBeUndefined();
    const document = shared.data!.shareNoteWithClient;
    expect(document).toMatchObject({ noteId: note.id, clientId: client.id, kind: 'SESSION_SUMMARY', versionNumber: 1, noteType: 'SOAP', sharedByName: 'Maya Lindqvist', revokedAt: null });

    const staffList = await gql(stack.routerUrl, LIST, { clientId: client.id }, token);
    expect(staffList.data!.sharedDocuments.map((d: { id: string }) => d.id)).toEqual([document.id]);

    const portal = await tokenFor({ id: client.id, practiceId: practice.id, roles: ['CLIENT'], clientId: client.id });
    const mine = await gql(stack.routerUrl, `query { mySharedDocuments { ${SHARED} } }`, {}, portal);
    expect(mine.errors).toBeUndefined();
    expect(mine.data!.mySharedDocuments.map((d: { id: string }) => d.id)).toEqual([document.id]);
    const portalFile = await gql(stack.routerUrl, `query($id: ID!) { mySharedDocumentFile(id: $id) { ${FILE} } }`, { id: document.id }, portal);
    expect((await pdfText(portalFile.data!.mySharedDocumentFile.base64)).text).toContain('Session summary');

    // Another client of the practice sees none of it; a client token cannot run staff queries.
    const otherClient = await tokenFor({ id: author.id, practiceId: practice.id, roles: ['CLIENT'], clientId: '00000000-0000-4000-8000-000000000000' });
    expect((await gql(stack.routerUrl, `query { mySharedDocuments { id } }`, {}, otherClient)).data!.mySharedDocuments).toEqual([]);
    expect(codes(await gql(stack.routerUrl, `query($id: ID!) { mySharedDocumentFile(id: $id) { base64 } }`, { id: document.id }, otherClient))).toEqual(['NOT_FOUND']);
    expect(codes(await gql(stack.routerUrl, LIST, { clientId: client.id }, portal))).toEqual(['FORBIDDEN']);

    const revoked = await gql(stack.routerUrl, REVOKE, { id: document.id }, token);
    expect(revoked.data!.revokeSharedDocument.revokedAt).not.toBeNull();
    expect(codes(await gql(stack.routerUrl, REVOKE, { id: document.id }, token))).toEqual(['CONFLICT']);
    expect((await gql(stack.routerUrl, `query { mySharedDocuments { id } }`, {}, portal)).data!.mySharedDocuments).toEqual([]);
    expect(codes(await gql(stack.routerUrl, `query($id: ID!) { mySharedDocumentFile(id: $id) { base64 } }`, { id: document.id }, portal))).toEqual(['NOT_FOUND']);
    // Staff still see it, marked revoked.
    expect((await gql(stack.routerUrl, LIST, { clientId: client.id }, token)).data!.sharedDocuments[0].revokedAt).not.toBeNull();

    const audit = await testPrisma().auditEvent.findMany({ where: { practiceId: practice.id, entityType: 'SharedDocument', entityId: document.id }, select: { action: true } });
    expect(audit.map((event) => event.action)).toEqual(expect.arrayContaining(['CREATE', 'UPDATE', 'READ']));
  });
});
