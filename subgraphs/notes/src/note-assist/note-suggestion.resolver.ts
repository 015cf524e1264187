import { allowedRoles, requireUser, type RequestContext } from '@solace/server-kit';
import { Args, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { StoredSuggestion } from './note-suggestion.repository';
import { AcceptNoteSuggestionArgs, NoteIdArgs, SuggestionIdArgs, SuggestNoteDraftArgs } from './note-suggestion.input';
import type { NoteSuggestionService } from './note-suggestion.service';
import { AcceptedNoteSuggestion, NoteSuggestion } from './note-suggestion.type';

const view = (stored: StoredSuggestion): NoteSuggestion => ({ ...stored, notice: stored.content.notice, fields: stored.content.fields, codes: stored.content.codes });

/** Suggestions hold clinical content: each one returned is a READ (or write) of its note's PHI. */
function audited(ctx: RequestContext, action: 'READ' | 'CREATE' | 'UPDATE', suggestions: StoredSuggestion[]) {
  ctx.audit?.record(action, 'NoteSuggestion', suggestions.map((suggestion) => suggestion.id));
  return suggestions.map(view);
}

@Resolver()
export class NoteSuggestionResolver {
  constructor(private readonly suggestions: NoteSuggestionService) {}

  @Authorized(...allowedRoles('suggestNoteDraft'))
  @Mutation(() => NoteSuggestion, { description: 'Drafts the fields of one of the caller’s draft notes from a transcript or bullet points. Stored as a proposal; the note is unchanged until accepted.' })
  async suggestNoteDraft(@Args(() => SuggestNoteDraftArgs) { noteId, source }: SuggestNoteDraftArgs, @Ctx() ctx: RequestContext) {
    return audited(ctx, 'CREATE', [await this.suggestions.suggestDraft(requireUser(ctx), noteId, source)])[0];
  }

  @Authorized(...allowedRoles('suggestDiagnoses'))
  @Mutation(() => NoteSuggestion, { description: 'Suggests ICD-10-CM codes for one of the caller’s draft notes (only codes of the shipped table).' })
  async suggestDiagnoses(@Args(() => NoteIdArgs) { noteId }: NoteIdArgs, @Ctx() ctx: RequestContext) {
    return audited(ctx, 'CREATE', [await this.suggestions.suggestDiagnoses(requireUser(ctx), noteId)])[0];
  }

  @Authorized(...allowedRoles('acceptNoteSuggestion'))
  @Mutation(() => AcceptedNoteSuggestion, { description: 'Saves the accepted part of a suggestion into the note at the editor’s revision, and records the acceptance.' })
  async acceptNoteSuggestion(@Args(() => AcceptNoteSuggestionArgs) { id, expectedRevision, fields }: AcceptNoteSuggestionArgs, @Ctx() ctx: RequestContext) {
    const { suggestion, note } = await this.suggestions.accept(requireUser(ctx), id, expectedRevision, fields ?? null);
    ctx.audit?.record('UPDATE', 'ClinicalNote', note.id);
    return { suggestion: audited(ctx, 'UPDATE', [suggestion])[0], note };
  }

  @Authorized(...allowedRoles('rejectNoteSuggestion'))
  @Mutation(() => NoteSuggestion, { description: 'Dismisses a suggestion; the note is left as it is.' })
  async rejectNoteSuggestion(@Args(() => SuggestionIdArgs) { id }: SuggestionIdArgs, @Ctx() ctx: RequestContext) {
    return audited(ctx, 'UPDATE', [await this.suggestions.reject(requireUser(ctx), id)])[0];
  }

  @Authorized(...allowedRoles('noteSuggestions'))
  @Query(() => [NoteSuggestion], { description: 'A note’s suggestions, newest first.' })
  async noteSuggestions(@Args(() => NoteIdArgs) { noteId }: NoteIdArgs, @Ctx() ctx: RequestContext) {
    return audited(ctx, 'READ', await this.suggestions.forNote(requireUser(ctx), noteId));
  }
}
