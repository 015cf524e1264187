import { ClientRef, StaffUserRef } from '@solace/server-kit';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { AppointmentWithNote, ClinicalNote } from '../note/note.type';

export const UnsignedNoteState = { NOT_STARTED: 'NOT_STARTED', DRAFT: 'DRAFT', RETURNED: 'RETURNED', IN_REVIEW: 'IN_REVIEW' } as const;
export type UnsignedNoteState = (typeof UnsignedNoteState)[keyof typeof UnsignedNoteState];
registerEnumType(UnsignedNoteState, {
  name: 'UnsignedNoteState',
  valuesConfig: {
    NOT_STARTED: { description: 'The session took place and has no note yet.' },
    DRAFT: { description: 'A draft to finish and sign.' },
    RETURNED: { description: 'Returned by the supervisor with comments.' },
    IN_REVIEW: { description: 'Waiting for the supervisor’s co-signature.' },
  },
});

@ObjectType({ description: 'A session still waiting for its signed note.' })
export class UnsignedNoteItem {
  @Field(() => ID, { description: 'The appointment documented (stable while the note is started).' })
  id!: string;

  @Field(() => UnsignedNoteState)
  state!: UnsignedNoteState;

  /** The started note, if any; `note` loads it only when a query asks for it. */
  noteId!: string | null;

  @Field(() => AppointmentWithNote)
  appointment!: AppointmentWithNote;

  @Field(() => ClientRef)
  client!: ClientRef;

  @Field(() => Date)
  serviceDate!: Date;

  @Field(() => Date)
  dueAt!: Date;

  @Field(() => Int, { description: 'Whole days past the deadline; 0 when not yet due.' })
  daysOverdue!: number;

  @Field(() => String, { nullable: true, description: 'The supervisor’s comments when the note was returned.' })
  returnComment!: string | null;
}

@ObjectType({ description: 'An associate’s note waiting for the supervisor.' })
export class NoteReviewItem {
  @Field(() => ID)
  id!: string;

  @Field(() => ClinicalNote)
  note!: ClinicalNote;

  @Field(() => StaffUserRef)
  author!: StaffUserRef;

  @Field(() => ClientRef)
  client!: ClientRef;

  @Field(() => Date)
  serviceDate!: Date;

  @Field(() => Date, { nullable: true })
  submittedAt!: Date | null;

  @Field(() => Date)
  dueAt!: Date;

  @Field(() => Int)
  daysOverdue!: number;
}
