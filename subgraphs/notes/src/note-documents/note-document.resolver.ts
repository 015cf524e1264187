import { allowedRoles, requireUser, type RequestContext } from '@solace/server-kit';
import { Args, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { SharedDocumentRow } from './note-document.repository';
import { ClientIdArgs, NoteDocumentArgs, SharedDocumentIdArgs } from './note-document.input';
import type { NoteDocumentService } from './note-document.service';
import { NoteDocumentFile, SharedDocument } from './note-document.type';

@Resolver()
export class NoteDocumentResolver {
  constructor(private readonly documents: NoteDocumentService) {}

  /** Rows as the API shows them, each audited (a shared document names a client and a session). */
  private async views(ctx: RequestContext, action: 'READ' | 'CREATE' | 'UPDATE', rows: SharedDocumentRow[]): Promise<SharedDocument[]> {
    const user = requireUser(ctx);
    const [facts, names] = await Promise.all([this.documents.noteFacts(user.practiceId, rows.map((row) => row.noteId)), this.documents.staffNames(user.practiceId, rows.map((row) => row.sharedById))]);
    ctx.audit?.record(action, 'SharedDocument', rows.map((row) => row.id));
    return rows.map((row) => ({ ...row, noteType: facts.get(row.noteId)?.noteType ?? null, serviceDate: facts.get(row.noteId)?.serviceDate ?? null, sharedByName: names.get(row.sharedById) ?? 'Your clinician' }));
  }

  @Authorized(...allowedRoles('noteDocument'))
  @Query(() => NoteDocumentFile, { description: 'A branded PDF of a signed note (or its session summary); drafts are refused (CONFLICT, reason NOTE_NOT_SIGNED). Audited as an export of the note.' })
  async noteDocument(@Args(() => NoteDocumentArgs) { noteId, kind }: NoteDocumentArgs, @Ctx() ctx: RequestContext) {
    const file = await this.documents.pdf(requireUser(ctx), noteId, kind);
    ctx.audit?.record('EXPORT', 'ClinicalNote', noteId);
    return file;
  }

  @Authorized(...allowedRoles('shareNoteWithClient'))
  @Mutation(() => SharedDocument, { description: 'Shares a signed note with its client (the portal lists it); the author or an admin.' })
  async shareNoteWithClient(@Args(() => NoteDocumentArgs) { noteId, kind }: NoteDocumentArgs, @Ctx() ctx: RequestContext) {
    const shared = await this.documents.share(requireUser(ctx), noteId, kind);
    ctx.audit?.record('EXPORT', 'ClinicalNote', noteId);
    return (await this.views(ctx, 'CREATE', [shared]))[0];
  }

  @Authorized(...allowedRoles('revokeSharedDocument'))
  @Mutation(() => SharedDocument, { description: 'Stops sharing a document with the client.' })
  async revokeSharedDocument(@Args(() => SharedDocumentIdArgs) { id }: SharedDocumentIdArgs, @Ctx() ctx: RequestContext) {
    return (await this.views(ctx, 'UPDATE', [await this.documents.revoke(requireUser(ctx), id)]))[0];
  }

  @Authorized(...allowedRoles('sharedDocuments'))
  @Query(() => [SharedDocument], { description: 'Documents shared with a client (revoked ones too), newest first; only of notes the caller may read.' })
  async sharedDocuments(@Args(() => ClientIdArgs) { clientId }: ClientIdArgs, @Ctx() ctx: RequestContext) {
    return this.views(ctx, 'READ', await this.documents.forClient(requireUser(ctx), clientId));
  }

  @Authorized(...allowedRoles('mySharedDocuments'))
  @Query(() => [SharedDocument], { description: 'The portal: documents the practice shared with the signed-in client (not revoked), newest first.' })
  async mySharedDocuments(@Ctx() ctx: RequestContext) {
    return this.views(ctx, 'READ', await this.documents.forPortalClient(requireUser(ctx)));
  }

  @Authorized(...allowedRoles('mySharedDocumentFile'))
  @Query(() => NoteDocumentFile, { description: 'The portal: the PDF of one of the client’s shared documents, as shared.' })
  async mySharedDocumentFile(@Args(() => SharedDocumentIdArgs) { id }: SharedDocumentIdArgs, @Ctx() ctx: RequestContext) {
    const file = await this.documents.portalPdf(requireUser(ctx), id);
    ctx.audit?.record('READ', 'SharedDocument', id);
    return file;
  }
}
