import { Directive, Field, ID, ObjectType } from 'type-graphql';

@Directive('@key(fields: "id")')
@ObjectType({ description: 'One message in a thread.' })
export class Message {
  @Field(() => ID)
  id!: string;

  threadId!: string;
  senderId!: string;

  @Field(() => String)
  body!: string;

  @Field(() => Date)
  createdAt!: Date;
}
