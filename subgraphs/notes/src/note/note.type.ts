import { GraphQLJSONObject } from 'graphql-scalars';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { NoteContent } from './note-content';

export const NoteStatus = { DRAFT: 'DRAFT', IN_REVIEW: 'IN_REVIEW', SIGNED: 'SIGNED', AMENDED: 'AMENDED' } as const;
export type NoteStatus = (typeof NoteStatus)[keyof typeof NoteStatus];
registerEnumType(NoteStatus, {
  name: 'NoteStatus',
  valuesConfig: {
    DRAFT: { description: 'Being written; autosaved.' },
    IN_REVIEW: { description: "An associate's note waiting for the supervisor to co-sign or return it." },
    SIGNED: { description: 'Signed and locked.' },
    AMENDED: { description: 'Signed, with at least one signed addendum.' },
  },
});

export const NoteType = {
  SOAP: 'SOAP',
  PROGRESS: 'PROGRESS',
  INTAKE_ASSESSMENT: 'INTAKE_ASSESSMENT',
  PSYCHIATRIC_EVALUATION: 'PSYCHIATRIC_EVALUATION',
  TREATMENT_PLAN: 'TREATMENT_PLAN',
  SAFETY_PLAN: 'SAFETY_PLAN',
  DISCHARGE_SUMMARY: 'DISCHARGE_SUMMARY',
  CRISIS_INTERVENTION: 'CRISIS_INTERVENTION',
} as const;
export type NoteType = (typeof NoteType)[keyof typeof NoteType];
registerEnumType(NoteType, { name: 'NoteType' });

@Directive('@key(fields: "id")')
@ObjectType({ description: 'Clinical documentation of one appointment.' })
export class ClinicalNote {
  @Field(() => ID)
  id!: string;

  appointmentId!: string;
  clientId!: string;
  authorId!: string;

  @Field(() => NoteType)
  noteType!: NoteType;

  @Field(() => Date, { description: 'When the session took place; the documentation deadlines count from here.' })
  serviceDate!: Date;

  @Field(() => NoteStatus)
  status!: NoteStatus;

  @Field(() => String, { description: 'Free text beside the template fields.' })
  body!: string;

  @Field(() => GraphQLJSONObject, { description: "The template fields' values by field id (encrypted at rest)." })
  content!: NoteContent;

  templateVersionId!: string | null;

  @Field(() => [String], { description: 'ICD-10-CM codes, primary first.' })
  diagnosisCodes!: string[];

  @Field(() => Int, { description: 'Increases with every save; a save names the revision it edited (optimistic locking).' })
  revision!: number;

  @Field(() => Date, { nullable: true })
  signedAt!: Date | null;

  @Field(() => Date)
  updatedAt!: Date;
}

/** A stale autosave: what the client needs to offer a reload without losing the typed text. */
export const STALE_REVISION = 'STALE_REVISION';

/** notes contributes Appointment.note to the appointments subgraph's entity. */
@Directive('@key(fields: "id")')
@ObjectType('Appointment')
export class AppointmentWithNote {
  @Field(() => ID)
  id!: string;
}
