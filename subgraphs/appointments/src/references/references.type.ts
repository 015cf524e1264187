// Entities owned by other subgraphs, referenced here by key only; the router fetches their fields
// from their owners.
import { Directive, Field, ID, ObjectType } from 'type-graphql';

@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Client')
export class ClientRef {
  @Field(() => ID)
  id!: string;
}

@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('StaffUser')
export class StaffUserRef {
  @Field(() => ID)
  id!: string;
}
