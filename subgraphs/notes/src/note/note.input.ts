import { IsUUID, MaxLength } from 'class-validator';
import { ArgsType, Field, ID } from 'type-graphql';

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
