import { Field, Float, ObjectType } from 'type-graphql';
import { ClinicalNote } from '../note/note.type';

@ObjectType({ description: 'A piece of a search snippet; `match` marks a word the search found.' })
export class NoteSnippetPart {
  @Field(() => String)
  text!: string;

  @Field(() => Boolean)
  match!: boolean;
}

@ObjectType({ description: 'A note found by a search, with the passage around the first match.' })
export class NoteSearchHit {
  @Field(() => ClinicalNote)
  note!: ClinicalNote;

  @Field(() => Float, { description: 'Relevance (PostgreSQL ts_rank); hits come best first.' })
  rank!: number;

  @Field(() => [NoteSnippetPart])
  snippet!: NoteSnippetPart[];
}
