import { allowedRoles, requestLoader, requireUser, type RequestContext } from '@solace/server-kit';
import { Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { AddendumCosignService } from './addendum-cosign.service';
import { CosignAddendumArgs } from './note-signing.input';
import { toNoteVersion } from './note-signing.resolver';
import type { SigningCaller } from './note-signing.service';
import { AddendumReviewItem, NoteVersion } from './note-signing.type';

const caller = (ctx: RequestContext): SigningCaller => ({ user: requireUser(ctx), ip: ctx.ip ?? null, requestId: ctx.requestId });

@Resolver(() => NoteVersion)
export class AddendumCosignResolver {
  constructor(private readonly service: AddendumCosignService) {}

  @Authorized(...allowedRoles('addendaToCosign'))
  @Query(() => [AddendumReviewItem], { description: 'Addenda the caller’s supervisees signed that wait for the caller’s co-signature, oldest first.' })
  async addendaToCosign(@Ctx() ctx: RequestContext): Promise<AddendumReviewItem[]> {
    return (await this.service.queue(requireUser(ctx))).map(({ note, version }) => ({ note, version: toNoteVersion(version), client: { id: note.clientId } }));
  }

  @Authorized(...allowedRoles('cosignNoteAddendum'))
  @Mutation(() => NoteVersion, { description: 'The supervisor co-signs a supervisee’s addendum: a second signature on that version.' })
  async cosignNoteAddendum(@Args(() => CosignAddendumArgs) { noteId, versionNumber, attest }: CosignAddendumArgs, @Ctx() ctx: RequestContext): Promise<NoteVersion> {
    return toNoteVersion(await this.service.cosign(caller(ctx), noteId, versionNumber, attest));
  }

  @FieldResolver(() => Boolean, { description: 'An associate’s addendum, written under supervision, that their supervisor has not co-signed yet.' })
  async awaitingCosignature(@Root() version: NoteVersion, @Ctx() ctx: RequestContext): Promise<boolean> {
    if (version.kind !== 'ADDENDUM' || version.signatures.some((signature) => signature.role === 'COSIGNER')) return false;
    const { practiceId } = requireUser(ctx);
    // Every version of a response asks once together: which of their authors have a supervisor, since when.
    const supervised = requestLoader(ctx, `SupervisedAuthors:${practiceId}`, async (ids) => {
      const since = await this.service.supervisedSince(practiceId, ids);
      return [...since].map(([id, startedAt]) => ({ id, startedAt }));
    });
    const link = await supervised.load(version.author.id);
    return link !== null && version.createdAt >= link.startedAt;
  }
}
