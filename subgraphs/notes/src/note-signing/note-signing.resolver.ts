import { allowedRoles, type RequestContext, requestLoader, requireUser } from '@solace/server-kit';
import { Args, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { NoteService } from '../note/note.service';
import { ClinicalNote } from '../note/note.type';
import { noteDueAt, type NoteDueDays } from './note-deadline';
import { renderNoteText } from './canonical-note';
import { AddNoteAddendumArgs, CosignNoteArgs, ReturnNoteArgs, SignNoteArgs, SignNotesArgs } from './note-signing.input';
import type { NoteSigningService, SigningCaller, VerifiedVersion } from './note-signing.service';
import { BulkSignResult, NoteReviewEvent, NoteSigningPath, NoteVersion } from './note-signing.type';

const caller = (ctx: RequestContext): SigningCaller => ({ user: requireUser(ctx), ip: ctx.ip ?? null, requestId: ctx.requestId });

/** A stored version as the API shows it. */
export function toNoteVersion(version: VerifiedVersion): NoteVersion {
  const addendum = version.kind === 'ADDENDUM' ? version.canonical?.addenda.at(-1) : undefined;
  return {
    id: version.id,
    number: version.number,
    kind: version.kind,
    author: { id: version.authorId },
    createdAt: version.createdAt,
    text: version.canonical ? renderNoteText(version.canonical) : '',
    addendumText: addendum?.text ?? null,
    contentHash: version.contentHash,
    verified: version.verified,
    signatures: version.signatures.map((signature) => ({ ...signature, signer: { id: signature.signerId } })),
  };
}

@Resolver(() => ClinicalNote)
export class NoteSigningResolver {
  constructor(
    private readonly signing: NoteSigningService,
    private readonly notes: NoteService,
    private readonly dueDays: NoteDueDays,
  ) {}

  @Authorized(...allowedRoles('signNote'))
  @Mutation(() => ClinicalNote, { description: 'Signs and locks one of the caller’s draft notes (not for associates: they submit for review).' })
  async signNote(@Args(() => SignNoteArgs) { id, revision, attest }: SignNoteArgs, @Ctx() ctx: RequestContext) {
    await this.signing.sign(caller(ctx), id, revision ?? null, attest);
    return this.notes.get(requireUser(ctx), id);
  }

  @Authorized(...allowedRoles('submitNoteForReview'))
  @Mutation(() => ClinicalNote, { description: 'An associate sends their draft note to their supervisor to co-sign.' })
  async submitNoteForReview(@Args(() => SignNoteArgs) { id, revision, attest }: SignNoteArgs, @Ctx() ctx: RequestContext) {
    await this.signing.submitForReview(caller(ctx), id, revision ?? null, attest);
    return this.notes.get(requireUser(ctx), id);
  }

  @Authorized(...allowedRoles('cosignNote'))
  @Mutation(() => ClinicalNote, { description: 'The supervisor co-signs a supervisee’s note in review; both signatures are recorded.' })
  async cosignNote(@Args(() => CosignNoteArgs) { id, attest }: CosignNoteArgs, @Ctx() ctx: RequestContext) {
    await this.signing.cosign(caller(ctx), id, attest);
    return this.notes.get(requireUser(ctx), id);
  }

  @Authorized(...allowedRoles('returnNoteForRevision'))
  @Mutation(() => ClinicalNote, { description: 'The supervisor returns a note in review to draft, with comments for the associate.' })
  async returnNoteForRevision(@Args(() => ReturnNoteArgs) { id, comment }: ReturnNoteArgs, @Ctx() ctx: RequestContext) {
    await this.signing.returnForRevision(caller(ctx), id, comment);
    return this.notes.get(requireUser(ctx), id);
  }

  @Authorized(...allowedRoles('addNoteAddendum'))
  @Mutation(() => NoteVersion, { description: 'Adds a signed addendum to a signed note (the note becomes AMENDED).' })
  async addNoteAddendum(@Args(() => AddNoteAddendumArgs) { id, text, attest }: AddNoteAddendumArgs, @Ctx() ctx: RequestContext) {
    return toNoteVersion(await this.signing.addAddendum(caller(ctx), id, text, attest));
  }

  @Authorized(...allowedRoles('signNotes'))
  @Mutation(() => BulkSignResult, { description: 'Signs several of the caller’s ready notes (an associate’s go to review); reports each refused note with its reason.' })
  async signNotes(@Args(() => SignNotesArgs) { ids, attest }: SignNotesArgs, @Ctx() ctx: RequestContext) {
    const outcome = await this.signing.signMany(caller(ctx), ids, attest);
    const user = requireUser(ctx);
    const notes = await Promise.all([...outcome.signed, ...outcome.submittedForReview].map((id) => this.notes.get(user, id)));
    return { ...outcome, notes };
  }

  @FieldResolver(() => [NoteVersion], { description: 'Every signed version, oldest first, each verified against its hash.' })
  async versions(@Root() note: ClinicalNote, @Ctx() ctx: RequestContext) {
    return (await this.signing.versions(requireUser(ctx), note.id)).map(toNoteVersion);
  }

  @FieldResolver(() => Boolean, { nullable: true, description: 'Null until signed; false when the note or a signed version no longer matches its signature.' })
  contentVerified(@Root() note: ClinicalNote, @Ctx() ctx: RequestContext) {
    return this.signing.contentVerified(requireUser(ctx), note.id);
  }

  @FieldResolver(() => [NoteReviewEvent], { description: 'Submissions, returns (with comments) and the co-signature, oldest first.' })
  async reviewHistory(@Root() note: ClinicalNote, @Ctx() ctx: RequestContext) {
    const events = await this.signing.reviewHistory(requireUser(ctx), note.id);
    return events.map((event) => ({ ...event, actor: { id: event.actorId } }));
  }

  @FieldResolver(() => NoteSigningPath, { description: 'Whether the author signs or, as an associate, submits for review.' })
  signingPath(@Root() note: ClinicalNote, @Ctx() ctx: RequestContext) {
    return this.signing.signingPath(requireUser(ctx).practiceId, note.authorId);
  }

  @FieldResolver(() => Date, { description: 'When the note is due (the practice’s documentation deadline after the session).' })
  async dueAt(@Root() note: ClinicalNote, @Ctx() ctx: RequestContext) {
    // One read of the practice's rules per request, however many notes a query lists.
    const rules = requestLoader(ctx, 'NoteDueDays', (practiceIds) => Promise.all(practiceIds.map(async (id) => ({ id, days: await this.dueDays(id) }))));
    const { days } = (await rules.load(requireUser(ctx).practiceId))!;
    return noteDueAt(note.serviceDate, days);
  }
}
