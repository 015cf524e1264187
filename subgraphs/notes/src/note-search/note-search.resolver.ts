import { allowedRoles, requireUser, type RequestContext } from '@solace/server-kit';
import { MaxLength, Max, Min } from 'class-validator';
import { Args, ArgsType, Authorized, Ctx, Field, Int, Query, Resolver } from 'type-graphql';
import { MAX_HITS, MAX_QUERY_LENGTH, type NoteSearchService } from './note-search.service';
import { NoteSearchHit } from './note-search.type';

@ArgsType()
export class SearchNotesArgs {
  @Field(() => String, { description: 'Words to find (stemmed English: "sleeping" finds "sleep"); "quoted phrases", OR and -excluded words work as on the web.' })
  @MaxLength(MAX_QUERY_LENGTH)
  query!: string;

  @Field(() => Int, { defaultValue: 20 })
  @Min(1)
  @Max(MAX_HITS)
  limit!: number;
}

@Resolver()
export class NoteSearchResolver {
  constructor(private readonly search: NoteSearchService) {}

  @Authorized(...allowedRoles('searchNotes'))
  @Query(() => [NoteSearchHit], { description: 'Full-text search over the notes the caller may read (their own; a supervisor’s supervisees’; every note for an admin). Every hit is audited as a read of its note.' })
  async searchNotes(@Args(() => SearchNotesArgs) { query, limit }: SearchNotesArgs, @Ctx() ctx: RequestContext) {
    const hits = await this.search.search(requireUser(ctx), query, limit);
    // The snippet discloses note text even when the client selects nothing else of the note.
    ctx.audit?.record('READ', 'ClinicalNote', hits.map((hit) => hit.note.id));
    return hits;
  }
}
