import { IsUUID } from 'class-validator';
import { ArgsType, Field, ID } from 'type-graphql';
import { SharedDocumentKind } from './note-document.type';

@ArgsType()
export class NoteDocumentArgs {
  @Field(() => ID)
  @IsUUID()
  noteId!: string;

  @Field(() => SharedDocumentKind, { defaultValue: 'FULL_NOTE' })
  kind!: keyof typeof SharedDocumentKind;
}

@ArgsType()
export class SharedDocumentIdArgs {
  @Field(() => ID)
  @IsUUID()
  id!: string;
}

@ArgsType()
export class ClientIdArgs {
  @Field(() => ID)
  @IsUUID()
  clientId!: string;
}
