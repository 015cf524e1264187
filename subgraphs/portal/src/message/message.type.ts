import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export const MessageSenderKind = { STAFF: 'STAFF', CLIENT: 'CLIENT' } as const;
export type MessageSenderKind = (typeof MessageSenderKind)[keyof typeof MessageSenderKind];
registerEnumType(MessageSenderKind, { name: 'MessageSenderKind', description: "Who wrote a message: a member of staff, or the thread's client." });

@Directive('@key(fields: "id")')
@ObjectType({ description: 'One message in a thread.' })
export class Message {
  @Field(() => ID)
  id!: string;

  threadId!: string;
  /** A StaffUser id, or for CLIENT messages the thread's Client id. */
  senderId!: string;

  @Field(() => MessageSenderKind, { description: 'STAFF: `sender` is the staff member. CLIENT: the thread\'s client wrote it (`sender` is null).' })
  senderKind!: MessageSenderKind;

  @Field(() => String)
  body!: string;

  @Field(() => Date)
  createdAt!: Date;
}
