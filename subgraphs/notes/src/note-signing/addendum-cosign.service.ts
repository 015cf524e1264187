// An associate's addenda are co-signed by their supervisor, like the note itself: the supervisor's
// signature is one more signature (role COSIGNER) on the addendum's signed version, over the same
// hash, so the version still verifies and shows both signers. Until then the addendum is listed in
// the supervisor's review queue and marked as awaiting co-signature.
import { DomainError, notFound, type AuthClaims } from '@solace/server-kit';
import type { ClinicalNote } from '../note/note.type';
import type { NoteService } from '../note/note.service';
import type { SupervisionRepository } from '../supervision/supervision.repository';
import type { NoteSigningRepository } from './note-signing.repository';
import { requireAttestation, SIGNING_ATTESTATION, verify, type NoteSigningService, type SigningCaller, type VerifiedVersion } from './note-signing.service';

const QUEUE_LIMIT = 200;

export interface AddendumToCosign {
  note: ClinicalNote;
  version: VerifiedVersion;
}

export class AddendumCosignService {
  constructor(
    private readonly signing: NoteSigningService,
    private readonly repository: NoteSigningRepository,
    private readonly supervision: SupervisionRepository,
    private readonly notes: NoteService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The caller's supervisees' addenda, written since the supervision began, still waiting for their co-signature, oldest first. */
  async queue(user: AuthClaims, limit = QUEUE_LIMIT): Promise<AddendumToCosign[]> {
    const links = await this.supervision.openLinksOf(user.practiceId, user.sub);
    const versions = await this.repository.addendaWithoutCosigner(user.practiceId, links.map((link) => ({ authorId: link.superviseeId, since: link.startedAt })), Math.min(limit, QUEUE_LIMIT));
    const notes = new Map((await this.notes.getMany(user, versions.map((version) => version.noteId))).map((note) => [note.id, note]));
    return versions.flatMap((version) => {
      const note = notes.get(version.noteId);
      // Verified on its own here (hash and signatures); the note's page checks the whole chain.
      return note ? [{ note, version: verify([version], null)[0]! }] : [];
    });
  }

  async cosign(caller: SigningCaller, noteId: string, versionNumber: number, attest: boolean): Promise<VerifiedVersion> {
    requireAttestation(attest);
    const version = (await this.signing.versions(caller.user, noteId)).find((candidate) => candidate.number === versionNumber);
    if (!version) throw notFound('NoteVersion', `${noteId} version ${versionNumber}`);
    if (version.kind !== 'ADDENDUM') throw new DomainError('CONFLICT', 'The note itself is co-signed from the review queue; this co-signs addenda.', { details: { reason: 'NOT_AN_ADDENDUM' } });
    if (!(await this.supervision.supervisorsOf(caller.user.practiceId, version.authorId)).includes(caller.user.sub)) {
      throw new DomainError('FORBIDDEN', 'Only the supervisor of the addendum’s author co-signs it.');
    }
    const alreadyCosigned = () => new DomainError('CONFLICT', 'This addendum is co-signed already.', { details: { reason: 'ALREADY_COSIGNED' } });
    if (version.signatures.some((signature) => signature.role === 'COSIGNER')) throw alreadyCosigned();
    if (!version.verified) throw new DomainError('CONFLICT', 'The signed addendum does not verify; contact your administrator.', { details: { reason: 'NOTE_UNVERIFIED' } });
    const signature = { signerId: caller.user.sub, signedAt: this.now(), ip: caller.ip, attestation: SIGNING_ATTESTATION };
    if (!(await this.repository.addCosignature(caller.user.practiceId, version, signature))) throw alreadyCosigned();
    return (await this.signing.versions(caller.user, noteId)).find((candidate) => candidate.number === versionNumber)!;
  }

  /** Those of these authors who currently have a supervisor, and since when: their addenda from then on wait for a co-signature. */
  supervisedSince(practiceId: string, authorIds: readonly string[]): Promise<Map<string, Date>> {
    return this.supervision.supervisedSince(practiceId, authorIds);
  }
}
