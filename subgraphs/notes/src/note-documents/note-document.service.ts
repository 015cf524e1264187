// Documents of signed notes: a branded PDF rendered on request from the signed version (never from
// the editable draft), and sharing a note with its client (the portal lists what is shared and
// not revoked). Drafts and notes in review are not documents: CONFLICT with reason NOTE_NOT_SIGNED.
//
// Delivery: the PDF travels base64-encoded in the GraphQL response. A note renders to tens of
// kilobytes, it is made from the signed record on each request (so nothing is stored that could
// drift, expire or need erasing), and the notes service needs no object storage; the browser saves
// it from a Blob. Presigned URLs (as client documents use) pay off for large uploaded files.
import { DomainError, notFound, type AuthClaims } from '@solace/server-kit';
import type { DiagnosisService } from '../diagnoses/diagnosis.service';
import type { NoteReadRule } from '../supervision/note-read-rule';
import type { CanonicalNote } from '../note-signing/canonical-note';
import type { NoteForSigning, NoteSigningRepository } from '../note-signing/note-signing.repository';
import { verify } from '../note-signing/note-signing.service';
import type { TemplateService } from '../templates/template.service';
import { renderNotePdf, type NotePdfModel } from './note-pdf';
import type { NoteDocumentRepository, SharedDocumentKind, SharedDocumentRow } from './note-document.repository';

/** What a client-facing summary keeps of the note: the plan and next steps, not the assessment. */
const SUMMARY_FIELD = /plan|goal|homework|next|recommend|follow|referral|discharge_reason|last_session/;
const TYPE_LABELS: Record<string, string> = {
  SOAP: 'SOAP note',
  PROGRESS: 'Progress note',
  INTAKE_ASSESSMENT: 'Intake assessment',
  PSYCHIATRIC_EVALUATION: 'Psychiatric evaluation',
  TREATMENT_PLAN: 'Treatment plan',
  SAFETY_PLAN: 'Safety plan',
  DISCHARGE_SUMMARY: 'Discharge summary',
  CRISIS_INTERVENTION: 'Crisis intervention note',
};

export interface NoteDocumentFile {
  filename: string;
  contentType: 'application/pdf';
  sizeBytes: number;
  base64: string;
  contentHash: string;
  versionNumber: number;
}

const valueText = (value: unknown): string => (value === null || value === undefined ? '' : typeof value === 'boolean' ? (value ? 'Yes' : 'No') : Array.isArray(value) ? value.join(', ') : String(value));

export class NoteDocumentService {
  constructor(
    private readonly documents: NoteDocumentRepository,
    private readonly signing: NoteSigningRepository,
    private readonly templates: TemplateService,
    private readonly diagnoses: DiagnosisService,
    private readonly readRule: NoteReadRule,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The PDF of a note the caller may read. */
  async pdf(user: AuthClaims, noteId: string, kind: SharedDocumentKind): Promise<NoteDocumentFile> {
    const note = await this.readable(user, noteId);
    return this.render(note, kind, null);
  }

  /** Shares the note's current signed version with its client (the author or an admin). */
  async share(user: AuthClaims, noteId: string, kind: SharedDocumentKind): Promise<SharedDocumentRow> {
    const note = await this.readable(user, noteId);
    if (note.authorId !== user.sub && !user.roles.includes('ADMIN')) throw new DomainError('FORBIDDEN', 'Only the note’s author or an administrator shares it with the client.');
    const { version } = await this.signedVersion(note, null);
    return this.documents.share({ practiceId: user.practiceId, clientId: note.clientId, noteId, kind, versionNumber: version.number, sharedById: user.sub, sharedAt: this.now() });
  }

  async revoke(user: AuthClaims, id: string): Promise<SharedDocumentRow> {
    const shared = await this.documents.find(user.practiceId, id);
    if (!shared) throw notFound('SharedDocument', id);
    const note = await this.readable(user, shared.noteId);
    if (note.authorId !== user.sub && shared.sharedById !== user.sub && !user.roles.includes('ADMIN')) throw new DomainError('FORBIDDEN', 'Only the note’s author, whoever shared it, or an administrator revokes it.');
    const revokedAt = this.now();
    if (!(await this.documents.revoke(user.practiceId, id, user.sub, revokedAt))) throw new DomainError('CONFLICT', 'This document was revoked already.', { details: { reason: 'ALREADY_REVOKED' } });
    return { ...shared, revokedAt, revokedById: user.sub };
  }

  /** Staff: what was shared with a client (revoked ones too), limited to notes the caller may read. */
  async forClient(user: AuthClaims, clientId: string): Promise<SharedDocumentRow[]> {
    const rows = await this.documents.forClient(user.practiceId, clientId, { includeRevoked: true });
    const facts = await this.documents.noteFacts(user.practiceId, rows.map((row) => row.noteId));
    const readable = await this.readRule.predicate(user);
    return rows.filter((row) => readable(facts.get(row.noteId)?.authorId ?? ''));
  }

  /** The portal: the signed-in client's own documents that are still shared. */
  forPortalClient(user: AuthClaims): Promise<SharedDocumentRow[]> {
    return this.documents.forClient(user.practiceId, portalClientId(user), { includeRevoked: false });
  }

  /** The portal: one of the client's shared documents, as shared (that signed version). */
  async portalPdf(user: AuthClaims, id: string): Promise<NoteDocumentFile> {
    const shared = await this.documents.find(user.practiceId, id);
    if (!shared || shared.clientId !== portalClientId(user) || shared.revokedAt) throw notFound('SharedDocument', id);
    const note = await this.signing.findNote(user.practiceId, shared.noteId);
    if (!note) throw notFound('SharedDocument', id);
    return this.render(note, shared.kind, shared.versionNumber);
  }

  noteFacts(practiceId: string, noteIds: string[]) {
    return this.documents.noteFacts(practiceId, noteIds);
  }

  staffNames(practiceId: string, ids: string[]) {
    return this.documents.staffNames(practiceId, ids);
  }

  private async readable(user: AuthClaims, noteId: string): Promise<NoteForSigning> {
    const note = await this.signing.findNote(user.practiceId, noteId);
    if (!note || !(await this.readRule.canRead(user, note.authorId))) throw notFound('ClinicalNote', noteId);
    return note;
  }

  /** The signed version to print (the latest, or the one shared), verified against its hash. */
  private async signedVersion(note: NoteForSigning, versionNumber: number | null) {
    if (note.status !== 'SIGNED' && note.status !== 'AMENDED') throw new DomainError('CONFLICT', 'Only signed notes are documents; sign the note first.', { details: { reason: 'NOTE_NOT_SIGNED' } });
    const versions = verify(await this.signing.versions(note.practiceId, note.id), note);
    const version = versionNumber === null ? versions.at(-1) : versions.find((candidate) => candidate.number === versionNumber);
    if (!version) throw new DomainError('CONFLICT', 'Only signed notes are documents; sign the note first.', { details: { reason: 'NOTE_NOT_SIGNED' } });
    // A version whose content no longer matches its signature is not printed as if it were signed.
    if (!version.verified || !version.canonical) throw new DomainError('CONFLICT', 'The signed record of this note does not verify; contact your administrator.', { details: { reason: 'NOTE_UNVERIFIED' } });
    return { version, canonical: version.canonical, original: versions[0]! };
  }

  private async render(note: NoteForSigning, kind: SharedDocumentKind, versionNumber: number | null): Promise<NoteDocumentFile> {
    const { version, canonical, original } = await this.signedVersion(note, versionNumber);
    const [practice, client, template, diagnoses] = await Promise.all([
      this.documents.practice(note.practiceId),
      this.documents.client(note.practiceId, note.clientId),
      canonical.templateVersionId ? this.templates.version(note.practiceId, canonical.templateVersionId) : Promise.resolve(null),
      this.diagnoses.describe(canonical.diagnosisCodes),
    ]);
    if (!practice || !client) throw notFound('ClinicalNote', note.id);
    if (client.erasedAt) throw new DomainError('CONFLICT', 'The client’s record was erased.', { details: { reason: 'CLIENT_ERASED' } });
    const names = await this.documents.staffNames(note.practiceId, [note.authorId, ...original.signatures.map((s) => s.signerId), ...canonical.addenda.map((a) => a.authorId)]);
    const labels = new Map((template?.fields ?? []).map((field) => [field.id, field.label]));
    const fields = printableFields(canonical, labels, kind);
    const model: NotePdfModel = {
      kind,
      practice,
      client: { name: `${client.preferredName ? `${client.preferredName} (${client.firstName})` : client.firstName} ${client.lastName}`, dateOfBirth: client.dateOfBirth.toISOString().slice(0, 10) },
      serviceDate: new Date(canonical.serviceDate),
      // The name comes with its credentials ("Maya Lindqvist, LPC"), as on the signatures.
      clinician: { name: names.get(note.authorId) ?? 'Unknown clinician' },
      noteTypeLabel: TYPE_LABELS[canonical.noteType] ?? canonical.noteType,
      fields,
      body: kind === 'FULL_NOTE' ? canonical.body : '',
      diagnoses: kind === 'FULL_NOTE' ? diagnoses : [],
      signatures: original.signatures.map((signature) => ({ name: names.get(signature.signerId) ?? 'Unknown signer', role: signature.role, signedAt: signature.signedAt })),
      versionNumber: version.number,
      contentHash: version.contentHash,
      addenda: kind === 'FULL_NOTE' ? canonical.addenda.map((addendum) => ({ number: addendum.number, author: names.get(addendum.authorId) ?? 'Unknown clinician', signedAt: new Date(addendum.signedAt), text: addendum.text })) : [],
      generatedAt: this.now(),
    };
    const pdf = await renderNotePdf(model);
    const day = canonical.serviceDate.slice(0, 10);
    return { filename: `${kind === 'SESSION_SUMMARY' ? 'session-summary' : 'clinical-note'}-${day}.pdf`, contentType: 'application/pdf', sizeBytes: pdf.length, base64: pdf.toString('base64'), contentHash: version.contentHash, versionNumber: version.number };
  }
}

function printableFields(canonical: CanonicalNote, labels: Map<string, string>, kind: SharedDocumentKind) {
  return canonical.fields
    .filter(([id, value]) => valueText(value).trim() !== '' && (kind === 'FULL_NOTE' || SUMMARY_FIELD.test(id)))
    .map(([id, value]) => ({ label: labels.get(id) ?? id, value: valueText(value) }));
}

function portalClientId(user: AuthClaims): string {
  if (!user.clientId) throw new DomainError('FORBIDDEN', 'Only a client’s portal account has shared documents.');
  return user.clientId;
}
