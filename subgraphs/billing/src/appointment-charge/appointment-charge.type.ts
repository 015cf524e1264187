import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** billing contributes Appointment.charge to the appointments subgraph's entity (the calendar colours by it). */
@Directive('@key(fields: "id")')
@ObjectType('Appointment')
export class AppointmentWithCharge {
  @Field(() => ID)
  id!: string;
}
