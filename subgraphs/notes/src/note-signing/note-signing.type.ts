import { ClientRef, StaffUserRef } from '@solace/server-kit';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ClinicalNote } from '../note/note.type';

export const NoteVersionKind = { ORIGINAL: 'ORIGINAL', ADDENDUM: 'ADDENDUM' } as const;
export type NoteVersionKind = (typeof NoteVersionKind)[keyof typeof NoteVersionKind];
registerEnumType(NoteVersionKind, { name: 'NoteVersionKind', valuesConfig: { ORIGINAL: { description: 'The note as first signed.' }, ADDENDUM: { description: 'A signed addendum after signing.' } } });

export const NoteSignatureRole = { AUTHOR: 'AUTHOR', COSIGNER: 'COSIGNER' } as const;
export type NoteSignatureRole = (typeof NoteSignatureRole)[keyof typeof NoteSignatureRole];
registerEnumType(NoteSignatureRole, { name: 'NoteSignatureRole' });

export const NoteReviewAction = { SUBMITTED: 'SUBMITTED', RETURNED: 'RETURNED', COSIGNED: 'COSIGNED' } as const;
export type NoteReviewAction = (typeof NoteReviewAction)[keyof typeof NoteReviewAction];
registerEnumType(NoteReviewAction, { name: 'NoteReviewAction' });

export const NoteSigningPath = { SIGN: 'SIGN', SUBMIT_FOR_REVIEW: 'SUBMIT_FOR_REVIEW' } as const;
export type NoteSigningPath = (typeof NoteSigningPath)[keyof typeof NoteSigningPath];
registerEnumType(NoteSigningPath, {
  name: 'NoteSigningPath',
  valuesConfig: { SIGN: { description: 'The author signs the note.' }, SUBMIT_FOR_REVIEW: { description: 'The author is an associate: the supervisor co-signs.' } },
});

@ObjectType({ description: 'One electronic signature of a note version.' })
export class NoteSignature {
  @Field(() => ID)
  id!: string;

  signerId!: string;

  @Field(() => StaffUserRef)
  signer!: StaffUserRef;

  @Field(() => NoteSignatureRole)
  role!: NoteSignatureRole;

  @Field(() => Date)
  signedAt!: Date;

  @Field(() => String, { nullable: true, description: 'The address the signature came from.' })
  ip!: string | null;

  @Field(() => String, { description: 'SHA-256 of the canonical content the signer signed.' })
  contentHash!: string;

  @Field(() => String, { description: 'The statement the signer attested to.' })
  attestation!: string;
}

@ObjectType({ description: 'A signed state of a note: the original, or the note with its addenda so far.' })
export class NoteVersion {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  number!: number;

  @Field(() => NoteVersionKind)
  kind!: NoteVersionKind;

  @Field(() => StaffUserRef)
  author!: StaffUserRef;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => String, { description: 'The signed content as readable text (one line per item), for reading and diffs.' })
  text!: string;

  @Field(() => String, { nullable: true, description: 'The addendum this version added.' })
  addendumText!: string | null;

  @Field(() => String)
  contentHash!: string;

  @Field(() => Boolean, { description: 'False when the stored content, its signatures or the note no longer match what was signed (tampering).' })
  verified!: boolean;

  @Field(() => [NoteSignature])
  signatures!: NoteSignature[];
}

@ObjectType({ description: 'A step in the review of an associate’s note.' })
export class NoteReviewEvent {
  @Field(() => ID)
  id!: string;

  @Field(() => NoteReviewAction)
  action!: NoteReviewAction;

  @Field(() => StaffUserRef)
  actor!: StaffUserRef;

  @Field(() => String, { nullable: true, description: 'The supervisor’s comments when returning the note.' })
  comment!: string | null;

  @Field(() => Date)
  createdAt!: Date;
}

@ObjectType()
export class RefusedNote {
  @Field(() => ID)
  noteId!: string;

  @Field(() => String, { description: 'The stable error code (e.g. NOTE_INCOMPLETE, CONFLICT, NOT_FOUND).' })
  code!: string;

  @Field(() => String)
  message!: string;
}

@ObjectType({ description: 'What bulk signing did with each note.' })
export class BulkSignResult {
  @Field(() => [ID])
  signed!: string[];

  @Field(() => [ID], { description: 'An associate’s notes, sent to the supervisor instead.' })
  submittedForReview!: string[];

  @Field(() => [RefusedNote])
  refused!: RefusedNote[];

  @Field(() => [ClinicalNote], { description: 'The notes signed or submitted, as they are now.' })
  notes!: ClinicalNote[];
}

@ObjectType({ description: 'A supervisee’s signed addendum waiting for the supervisor’s co-signature.' })
export class AddendumReviewItem {
  @Field(() => ClinicalNote)
  note!: ClinicalNote;

  @Field(() => NoteVersion, { description: 'The version the addendum created (its text in addendumText).' })
  version!: NoteVersion;

  @Field(() => ClientRef)
  client!: ClientRef;
}
