import { ArrayMaxSize, IsInt, IsOptional, IsUUID, MaxLength, Min } from 'class-validator';
import { ArgsType, Field, ID, Int } from 'type-graphql';
import { NoteType } from './note.type';

export const MAX_NOTE_LENGTH = 100_000;

@ArgsType()
export class CreateDraftNoteArgs {
  @Field(() => ID)
  @IsUUID()
  appointmentId!: string;

  @Field(() => String, { defaultValue: '' })
  @MaxLength(MAX_NOTE_LENGTH)
  body!: string;
}

@ArgsType()
export class UpdateDraftNoteArgs {
  @Field(() => ID)
  @IsUUID()
  id!: string;

  @Field(() => String)
  @MaxLength(MAX_NOTE_LENGTH)
  body!: string;
}

@ArgsType()
export class StartNoteArgs {
  @Field(() => ID)
  @IsUUID()
  appointmentId!: string;

  @Field(() => NoteType)
  noteType!: NoteType;

  @Field(() => ID, { nullable: true, description: "The template to write with; by default the note type's built-in." })
  @IsOptional()
  @IsUUID()
  templateId?: string | null;
}

@ArgsType()
export class SaveNoteDraftArgs {
  @Field(() => ID)
  @IsUUID()
  id!: string;

  @Field(() => Int, { description: 'The revision the editor started from; a different current revision refuses the save (STALE_REVISION).' })
  @IsInt()
  @Min(1)
  expectedRevision!: number;

  // A JSON text rather than a JSONObject scalar: values are checked against the template anyway, and
  // a malformed value then reaches the resolver (auth first, then a clear CONTENT_NOT_JSON).
  @Field(() => String, { nullable: true, description: 'Template field values by field id, as a JSON object text; replaces the stored content. Omit to keep it.' })
  @IsOptional()
  @MaxLength(MAX_NOTE_LENGTH * 4)
  content?: string | null;

  @Field(() => String, { nullable: true, description: 'Free text; omit to keep it.' })
  @IsOptional()
  @MaxLength(MAX_NOTE_LENGTH)
  body?: string | null;

  @Field(() => [String], { nullable: true, description: 'ICD-10-CM codes, primary first; replaces the list. Omit to keep it.' })
  @IsOptional()
  @ArrayMaxSize(20)
  diagnosisCodes?: string[] | null;
}
