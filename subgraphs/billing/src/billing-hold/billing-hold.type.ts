import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Why a charge cannot be billed (sent to the client or claimed) yet.' })
export class BillingHoldInfo {
  @Field(() => String, { description: 'NOTE_UNSIGNED: the session note is not signed by the hold day.' })
  reason!: 'NOTE_UNSIGNED';

  @Field(() => ID)
  appointmentId!: string;

  @Field(() => ID, { nullable: true, description: 'The unsigned note; null when none was started.' })
  noteId!: string | null;

  @Field(() => Int, { description: "Calendar days since the session, in the practice's time zone." })
  days!: number;

  @Field(() => Int, { description: "The practice's hold day (14 by default)." })
  holdDay!: number;
}
