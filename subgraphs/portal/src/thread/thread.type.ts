import { Directive, Field, ID, ObjectType } from 'type-graphql';

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A secure conversation between the practice and one client.' })
export class Thread {
  @Field(() => ID)
  id!: string;

  clientId!: string;

  @Field(() => String)
  subject!: string;

  @Field(() => Date, { nullable: true })
  lastMessageAt!: Date | null;
}
