// The signing workflow: DRAFT → SIGNED (sign) or DRAFT → IN_REVIEW (an associate submits) →
// SIGNED (the supervisor co-signs) or back to DRAFT (returned with comments); SIGNED/AMENDED →
// AMENDED (a signed addendum). Every signed state is kept as a version whose hash is verified on read.
import { DomainError, notFound, type AuthClaims, type Logger } from '@solace/server-kit';
import { canonicalNote, clinicalFingerprint, parseFieldValues, serialise, sha256, type CanonicalNote } from './canonical-note';
import type { NoteForSigning, NoteSigningRepository, NewVersion, StoredReviewEvent, StoredVersion } from './note-signing.repository';
import type { NoteSignedListener } from './note-signed-hooks';
import type { NoteReadRule } from '../supervision/note-read-rule';
import type { SupervisionRepository } from '../supervision/supervision.repository';

/** What the signer attests to; stored with every signature (the sign dialog shows the same words). */
export const SIGNING_ATTESTATION = 'I attest that this documentation is accurate and complete, and I sign it electronically.';

/** The template's required fields still empty (the note module's rule); empty when ready. */
export type MissingRequiredFields = (note: NoteForSigning) => Promise<string[]>;
/** The template version's field keys in order (for the canonical content); [] when unknown. */
export type TemplateFieldOrder = (practiceId: string, templateVersionId: string | null) => Promise<string[]>;

export interface SigningCaller {
  user: AuthClaims;
  ip: string | null;
  requestId: string;
}

export interface VerifiedVersion extends StoredVersion {
  canonical: CanonicalNote | null;
  /** The stored content still hashes to its recorded hash, every signature signed that hash, and the chain is intact. */
  verified: boolean;
}

export interface BulkSignOutcome {
  signed: string[];
  submittedForReview: string[];
  refused: Array<{ noteId: string; code: string; message: string }>;
}

export type SigningPath = 'SIGN' | 'SUBMIT_FOR_REVIEW';

export class NoteSigningService {
  constructor(
    private readonly repository: NoteSigningRepository,
    private readonly options: {
      missingRequiredFields: MissingRequiredFields;
      templateFieldOrder: TemplateFieldOrder;
      onNoteSigned: readonly NoteSignedListener[];
      readRule: NoteReadRule;
      supervision: SupervisionRepository;
      log: Logger;
      now?: () => Date;
    },
  ) {}

  private now = () => this.options.now?.() ?? new Date();

  /** A note the caller may read (note-read-rule.ts), or NOT_FOUND. */
  async readable(user: AuthClaims, id: string): Promise<NoteForSigning> {
    const note = await this.repository.findNote(user.practiceId, id);
    if (!note || !(await this.options.readRule.canRead(user, note.authorId))) throw notFound('ClinicalNote', id);
    return note;
  }

  async signingPath(practiceId: string, authorId: string): Promise<SigningPath> {
    return (await this.options.supervision.supervisorsOf(practiceId, authorId)).length > 0 ? 'SUBMIT_FOR_REVIEW' : 'SIGN';
  }

  async sign(caller: SigningCaller, id: string, revision: number | null, attest: boolean): Promise<void> {
    requireAttestation(attest);
    const note = await this.ownDraft(caller.user, id, revision);
    if ((await this.signingPath(note.practiceId, note.authorId)) === 'SUBMIT_FOR_REVIEW') {
      throw new DomainError('REVIEW_REQUIRED', 'An associate’s note is co-signed by the supervisor: submit it for review.');
    }
    await this.requireComplete(note);
    const signedAt = this.now();
    const content = await this.canonical(note, null);
    const version = originalVersion(note, content, [{ signerId: caller.user.sub, role: 'AUTHOR', signedAt, ip: caller.ip, attestation: SIGNING_ATTESTATION }]);
    if (!(await this.repository.sign(note, signedAt, version))) throw changedMeanwhile(id);
    await this.announceSigned(caller, note, signedAt, caller.user.sub);
  }

  async submitForReview(caller: SigningCaller, id: string, revision: number | null, attest: boolean): Promise<void> {
    requireAttestation(attest);
    const note = await this.ownDraft(caller.user, id, revision);
    if ((await this.signingPath(note.practiceId, note.authorId)) === 'SIGN') {
      throw new DomainError('CONFLICT', 'You have no supervisor on record: sign the note yourself.');
    }
    await this.requireComplete(note);
    const submitted = await this.canonical(note, null);
    if (!(await this.repository.submit(note, this.now(), { ip: caller.ip, contentHash: sha256(serialise(submitted)) }))) throw changedMeanwhile(id);
  }

  async cosign(caller: SigningCaller, id: string, attest: boolean): Promise<void> {
    requireAttestation(attest);
    const note = await this.inReviewOfSupervisee(caller.user, id);
    const submission = [...(await this.repository.reviewEvents(note.practiceId, id))].reverse().find((event) => event.action === 'SUBMITTED');
    const content = await this.canonical(note, null);
    const contentHash = sha256(serialise(content));
    // The note is frozen in review (the database refuses content changes), so this only fails if
    // something went around the application: then nobody should co-sign it.
    if (!submission || submission.contentHash !== contentHash) throw new DomainError('CONFLICT', 'The note differs from what the associate submitted; return it instead.');
    const signedAt = this.now();
    const version = originalVersion(note, content, [
      { signerId: note.authorId, role: 'AUTHOR', signedAt: submission.createdAt, ip: submission.ip, attestation: SIGNING_ATTESTATION },
      { signerId: caller.user.sub, role: 'COSIGNER', signedAt, ip: caller.ip, attestation: SIGNING_ATTESTATION },
    ]);
    if (!(await this.repository.cosign(note, caller.user.sub, signedAt, version))) throw changedMeanwhile(id);
    await this.announceSigned(caller, note, signedAt, caller.user.sub);
  }

  async returnForRevision(caller: SigningCaller, id: string, comment: string): Promise<void> {
    if (!comment.trim()) throw new DomainError('BAD_USER_INPUT', 'Say what the associate should change.');
    const note = await this.inReviewOfSupervisee(caller.user, id);
    if (!(await this.repository.returnToDraft(note, caller.user.sub, comment.trim(), this.now()))) throw changedMeanwhile(id);
  }

  async addAddendum(caller: SigningCaller, id: string, text: string, attest: boolean): Promise<VerifiedVersion> {
    requireAttestation(attest);
    if (!text.trim()) throw new DomainError('BAD_USER_INPUT', 'Write the addendum first.');
    const note = await this.readable(caller.user, id);
    if (note.status !== 'SIGNED' && note.status !== 'AMENDED') throw new DomainError('CONFLICT', 'Only a signed note takes addenda; edit the draft instead.');
    const versions = await this.repository.versions(note.practiceId, id);
    const mayAmend = note.authorId === caller.user.sub || versions.some((version) => version.signatures.some((signature) => signature.role === 'COSIGNER' && signature.signerId === caller.user.sub));
    if (!mayAmend) throw new DomainError('FORBIDDEN', 'Only the note’s author or co-signer adds an addendum.');
    const signedAt = this.now();
    const created = await this.repository.addVersion(note, (latest) => {
      const previous = JSON.parse(latest.content) as CanonicalNote;
      const number = latest.number + 1;
      const content: CanonicalNote = {
        ...previous,
        addenda: [...previous.addenda, { number: number - 1, authorId: caller.user.sub, signedAt: signedAt.toISOString(), text: text.trim() }],
        previousVersionHash: latest.contentHash,
      };
      const serialised = serialise(content);
      return { number, kind: 'ADDENDUM', authorId: caller.user.sub, content: serialised, contentHash: sha256(serialised), signatures: [{ signerId: caller.user.sub, role: 'AUTHOR', signedAt, ip: caller.ip, attestation: SIGNING_ATTESTATION }] };
    });
    if (!created) throw changedMeanwhile(id);
    return verify([created], null)[0]!;
  }

  /** Signs each of the caller's ready notes; an associate's go to review. Each note succeeds or is reported on its own. */
  async signMany(caller: SigningCaller, ids: string[], attest: boolean): Promise<BulkSignOutcome> {
    requireAttestation(attest);
    const outcome: BulkSignOutcome = { signed: [], submittedForReview: [], refused: [] };
    const path = await this.signingPath(caller.user.practiceId, caller.user.sub);
    for (const id of new Set(ids)) {
      try {
        if (path === 'SIGN') {
          await this.sign(caller, id, null, true);
          outcome.signed.push(id);
        } else {
          await this.submitForReview(caller, id, null, true);
          outcome.submittedForReview.push(id);
        }
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        outcome.refused.push({ noteId: id, code: error.code, message: error.message });
      }
    }
    return outcome;
  }

  async versions(user: AuthClaims, id: string): Promise<VerifiedVersion[]> {
    const note = await this.readable(user, id);
    return verify(await this.repository.versions(note.practiceId, id), note);
  }

  /** null while never signed; otherwise whether the note and all its versions are as signed. */
  async contentVerified(user: AuthClaims, id: string): Promise<boolean | null> {
    const versions = await this.versions(user, id);
    return versions.length === 0 ? null : versions.every((version) => version.verified);
  }

  async reviewHistory(user: AuthClaims, id: string): Promise<StoredReviewEvent[]> {
    const note = await this.readable(user, id);
    return this.repository.reviewEvents(note.practiceId, id);
  }

  private async ownDraft(user: AuthClaims, id: string, revision: number | null): Promise<NoteForSigning> {
    const note = await this.readable(user, id);
    if (note.authorId !== user.sub) throw new DomainError('FORBIDDEN', 'Only the note’s author signs it.');
    if (note.status !== 'DRAFT') throw new DomainError('CONFLICT', `The note is ${note.status.toLowerCase().replace('_', ' ')}, not a draft.`);
    if (revision !== null && revision !== note.revision) throw changedMeanwhile(id);
    return note;
  }

  private async inReviewOfSupervisee(user: AuthClaims, id: string): Promise<NoteForSigning> {
    const note = await this.readable(user, id);
    if (!(await this.options.supervision.supervisorsOf(note.practiceId, note.authorId)).includes(user.sub)) {
      throw new DomainError('FORBIDDEN', 'Only the author’s supervisor reviews this note.');
    }
    if (note.status !== 'IN_REVIEW') throw new DomainError('CONFLICT', 'The note is not waiting for review.');
    return note;
  }

  private async requireComplete(note: NoteForSigning): Promise<void> {
    const missing = await this.options.missingRequiredFields(note);
    if (missing.length > 0) throw new DomainError('NOTE_INCOMPLETE', `Required fields are empty: ${missing.join(', ')}.`, { details: { fields: missing } });
  }

  private async canonical(note: NoteForSigning, previousVersionHash: string | null): Promise<CanonicalNote> {
    const order = await this.options.templateFieldOrder(note.practiceId, note.templateVersionId);
    return canonicalNote({ ...note, fieldValues: parseFieldValues(note.content) }, { templateOrder: order, previousVersionHash });
  }

  private async announceSigned(caller: SigningCaller, note: NoteForSigning, signedAt: Date, signedById: string): Promise<void> {
    const event = { practiceId: note.practiceId, noteId: note.id, appointmentId: note.appointmentId, signedAt, signedById, requestId: caller.requestId };
    for (const listener of this.options.onNoteSigned) {
      await listener(event).catch((error: unknown) => this.options.log.error({ err: error, noteId: note.id, requestId: caller.requestId }, 'a note-signed listener failed'));
    }
  }
}

export function requireAttestation(attest: boolean): void {
  if (!attest) throw new DomainError('BAD_USER_INPUT', 'Confirm the attestation to sign.');
}

const changedMeanwhile = (id: string) => new DomainError('CONFLICT', `Note ${id} changed meanwhile; review it again before signing.`);

function originalVersion(note: NoteForSigning, content: CanonicalNote, signatures: NewVersion['signatures']): NewVersion {
  const serialised = serialise(content);
  return { number: 1, kind: 'ORIGINAL', authorId: note.authorId, content: serialised, contentHash: sha256(serialised), signatures };
}

/**
 * Checks each version: its stored text hashes to the recorded hash, each signature names that hash,
 * it chains to the version before, and (for the note) the current clinical content is what was signed.
 */
export function verify(versions: StoredVersion[], note: NoteForSigning | null): VerifiedVersion[] {
  const current = note ? clinicalFingerprint(canonicalNote({ ...note, fieldValues: safeFields(note.content) })) : null;
  return versions.map((version, index) => {
    const canonical = safeParse(version.content);
    const previous = index > 0 ? versions[index - 1] : undefined;
    const verified =
      canonical !== null &&
      sha256(version.content) === version.contentHash &&
      version.signatures.length > 0 &&
      version.signatures.every((signature) => signature.contentHash === version.contentHash) &&
      (previous ? canonical.previousVersionHash === previous.contentHash : canonical.previousVersionHash === null || !note) &&
      (current === null || clinicalFingerprint(canonical) === current);
    return { ...version, canonical, verified };
  });
}

function safeParse(text: string): CanonicalNote | null {
  try {
    return JSON.parse(text) as CanonicalNote;
  } catch {
    return null;
  }
}

function safeFields(content: string): Record<string, unknown> {
  try {
    return parseFieldValues(content);
  } catch {
    return {};
  }
}
