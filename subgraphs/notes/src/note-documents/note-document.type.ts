import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { NoteType } from '../note/note.type';

export const SharedDocumentKind = { FULL_NOTE: 'FULL_NOTE', SESSION_SUMMARY: 'SESSION_SUMMARY' } as const;
registerEnumType(SharedDocumentKind, {
  name: 'SharedDocumentKind',
  valuesConfig: {
    FULL_NOTE: { description: 'The signed note as documented, with diagnoses, signatures and addenda.' },
    SESSION_SUMMARY: { description: 'For the client: date, clinician, the plan and next steps, the signature; no assessment, diagnoses or risk findings.' },
  },
});

@ObjectType({ description: 'A PDF of a signed note, base64-encoded (small; rendered from the signed record on request).' })
export class NoteDocumentFile {
  @Field(() => String)
  filename!: string;

  @Field(() => String)
  contentType!: string;

  @Field(() => Int)
  sizeBytes!: number;

  @Field(() => String)
  base64!: string;

  @Field(() => String, { description: 'SHA-256 of the signed content printed in the document.' })
  contentHash!: string;

  @Field(() => Int)
  versionNumber!: number;
}

@ObjectType({ description: 'A signed note shared with its client as a document.' })
export class SharedDocument {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  noteId!: string;

  @Field(() => ID)
  clientId!: string;

  @Field(() => SharedDocumentKind)
  kind!: keyof typeof SharedDocumentKind;

  @Field(() => Int, { description: 'The signed version shared; addenda signed later are not shared silently.' })
  versionNumber!: number;

  @Field(() => NoteType, { nullable: true })
  noteType!: string | null;

  @Field(() => Date, { nullable: true })
  serviceDate!: Date | null;

  @Field(() => String, { description: 'Who shared it (display name).' })
  sharedByName!: string;

  @Field(() => Date)
  sharedAt!: Date;

  @Field(() => Date, { nullable: true })
  revokedAt!: Date | null;
}
