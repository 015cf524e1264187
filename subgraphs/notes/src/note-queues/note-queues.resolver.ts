import { allowedRoles, type RequestContext, requestLoader, requireUser } from '@solace/server-kit';
import { Arg, Authorized, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { ClinicalNote } from '../note/note.type';
import type { NoteQueuesService } from './note-queues.service';
import { NoteReviewItem, UnsignedNoteItem } from './note-queues.type';

@Resolver()
export class NoteQueuesResolver {
  constructor(private readonly service: NoteQueuesService) {}

  @Authorized(...allowedRoles('unsignedNotes'))
  @Query(() => [UnsignedNoteItem], { description: 'The caller’s sessions still waiting for a signed note (drafts, returned, in review, not started), oldest first.' })
  unsignedNotes(@Arg('limit', () => Int, { defaultValue: 200 }) limit: number, @Ctx() ctx: RequestContext) {
    return this.service.unsigned(requireUser(ctx), Math.max(1, limit));
  }

  @Authorized(...allowedRoles('noteReviewQueue'))
  @Query(() => [NoteReviewItem], { description: 'Notes the caller’s supervisees submitted for co-signature, oldest first.' })
  noteReviewQueue(@Arg('limit', () => Int, { defaultValue: 200 }) limit: number, @Ctx() ctx: RequestContext) {
    return this.service.reviewQueue(requireUser(ctx), Math.max(1, limit));
  }
}

@Resolver(() => UnsignedNoteItem)
export class UnsignedNoteItemResolver {
  constructor(private readonly service: NoteQueuesService) {}

  @FieldResolver(() => ClinicalNote, { nullable: true, description: 'The started note (null when not started).' })
  note(@Root() item: UnsignedNoteItem, @Ctx() ctx: RequestContext) {
    if (!item.noteId) return null;
    const user = requireUser(ctx);
    return requestLoader(ctx, 'UnsignedNoteItem.note', (ids) => this.service.notesFor(user, ids)).load(item.noteId);
  }
}
