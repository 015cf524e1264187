import { ArrayMaxSize, IsUUID, MaxLength, Min } from 'class-validator';
import { ArgsType, Field, ID, Int } from 'type-graphql';
import { MAX_SOURCE_LENGTH } from './note-suggestion.service';

@ArgsType()
export class SuggestNoteDraftArgs {
  @Field(() => ID)
  @IsUUID()
  noteId!: string;

  @Field(() => String, { description: 'The session transcript or the clinician’s bullet points. Client identifiers are removed before it is sent.' })
  @MaxLength(MAX_SOURCE_LENGTH)
  source!: string;
}

@ArgsType()
export class NoteIdArgs {
  @Field(() => ID)
  @IsUUID()
  noteId!: string;
}

@ArgsType()
export class SuggestionIdArgs {
  @Field(() => ID)
  @IsUUID()
  id!: string;
}

@ArgsType()
export class AcceptNoteSuggestionArgs {
  @Field(() => ID)
  @IsUUID()
  id!: string;

  @Field(() => Int, { description: 'The note revision the editor has; a newer one refuses the acceptance (STALE_REVISION).' })
  @Min(1)
  expectedRevision!: number;

  @Field(() => [String], { nullable: true, description: 'The field ids (or codes) to accept; all when omitted.' })
  @ArrayMaxSize(60)
  fields?: string[] | null;
}
