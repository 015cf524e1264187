// Entities referenced by key from subgraphs that do not own them: `@key(..., resolvable: false)`
// stubs carrying only the id. The owner resolves every other field through the router.
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
