import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export const NoteStatus = { DRAFT: 'DRAFT', SIGNED: 'SIGNED' } as const;
export type NoteStatus = (typeof NoteStatus)[keyof typeof NoteStatus];
registerEnumType(NoteStatus, { name: 'NoteStatus' });

@Directive('@key(fields: "id")')
@ObjectType({ description: 'Clinical documentation of one appointment.' })
export class ClinicalNote {
  @Field(() => ID)
  id!: string;

  appointmentId!: string;
  authorId!: string;

  @Field(() => NoteStatus)
  status!: NoteStatus;

  @Field(() => String)
  body!: string;

  @Field(() => Date)
  updatedAt!: Date;
}

/** notes contributes Appointment.note to the appointments subgraph's entity. */
@Directive('@key(fields: "id")')
@ObjectType('Appointment')
export class AppointmentWithNote {
  @Field(() => ID)
  id!: string;
}
