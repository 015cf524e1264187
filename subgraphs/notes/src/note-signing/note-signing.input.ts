import { ArrayMaxSize, ArrayMinSize, IsUUID, MaxLength, Min } from 'class-validator';
import { ArgsType, Field, ID, Int } from 'type-graphql';
import { MAX_NOTE_LENGTH } from '../note/note.input';

@ArgsType()
export class SignNoteArgs {
  @Field(() => ID)
  @IsUUID()
  id!: string;

  @Field(() => Int, { nullable: true, description: 'The revision the signer reviewed; a later save makes signing fail with CONFLICT.' })
  @Min(1)
  revision?: number | null;

  @Field(() => Boolean, { description: 'The signer confirms the attestation shown in the sign dialog.' })
  attest!: boolean;
}

@ArgsType()
export class CosignNoteArgs {
  @Field(() => ID)
  @IsUUID()
  id!: string;

  @Field(() => Boolean)
  attest!: boolean;
}

@ArgsType()
export class ReturnNoteArgs {
  @Field(() => ID)
  @IsUUID()
  id!: string;

  @Field(() => String, { description: 'What the associate should change; kept in the note’s history.' })
  @MaxLength(10_000)
  comment!: string;
}

@ArgsType()
export class AddNoteAddendumArgs {
  @Field(() => ID)
  @IsUUID()
  id!: string;

  @Field(() => String)
  @MaxLength(MAX_NOTE_LENGTH)
  text!: string;

  @Field(() => Boolean)
  attest!: boolean;
}

@ArgsType()
export class SignNotesArgs {
  @Field(() => [ID])
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  ids!: string[];

  @Field(() => Boolean)
  attest!: boolean;
}

@ArgsType()
export class CosignAddendumArgs {
  @Field(() => ID)
  @IsUUID()
  noteId!: string;

  @Field(() => Int, { description: 'The version the addendum created (NoteVersion.number; version 1 is the note itself).' })
  @Min(1)
  versionNumber!: number;

  @Field(() => Boolean)
  attest!: boolean;
}
