import { allowedRoles, AuditAs, ClientRef, nullIfNotFound, type RequestContext, requireUser, StaffUserRef } from '@solace/server-kit';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { SendMessageArgs, StartThreadArgs } from '../message/message.input';
import { Message } from '../message/message.type';
import type { ThreadService } from './thread.service';
import { Thread } from './thread.type';

@Resolver(() => Thread)
export class ThreadResolver {
  constructor(private readonly service: ThreadService) {}

  @Authorized(...allowedRoles('threads'))
  @Query(() => [Thread], { description: 'Message threads, most recent activity first.' })
  threads(@Ctx() ctx: RequestContext) {
    return this.service.list(requireUser(ctx));
  }

  @Authorized(...allowedRoles('thread'))
  @Query(() => Thread)
  thread(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return this.service.get(requireUser(ctx), id);
  }

  @Authorized(...allowedRoles('startThread'))
  @AuditAs('CREATE')
  @Mutation(() => Thread, { description: 'Starts a secure conversation with a client.' })
  startThread(@Args(() => StartThreadArgs) { clientId, subject }: StartThreadArgs, @Ctx() ctx: RequestContext) {
    return this.service.start(requireUser(ctx), clientId, subject);
  }

  @FieldResolver(() => [Message], { description: 'Messages, oldest first (the latest `limit`).' })
  messages(@Root() thread: Thread, @Ctx() ctx: RequestContext, @Arg('limit', () => Int, { defaultValue: 200 }) limit: number) {
    return this.service.messages(requireUser(ctx), thread.id, limit);
  }

  @FieldResolver(() => ClientRef)
  client(@Root() thread: Thread): ClientRef {
    return { id: thread.clientId };
  }
}

@Resolver(() => Message)
export class MessageResolver {
  constructor(private readonly service: ThreadService) {}

  @Authorized(...allowedRoles('message'))
  @Query(() => Message, { description: 'One message; also how the router resolves messageAdded events.' })
  message(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return this.service.getMessage(requireUser(ctx), id);
  }

  @Authorized(...allowedRoles('sendMessage'))
  @AuditAs('CREATE')
  @Mutation(() => Message)
  sendMessage(@Args(() => SendMessageArgs) { threadId, body }: SendMessageArgs, @Ctx() ctx: RequestContext) {
    return this.service.send(requireUser(ctx), threadId, body);
  }

  // Declared here so it composes and gets codegen; the router serves it (ARCHITECTURE rule 7):
  // it listens on the thread's Redis channel and resolves each event through `message(id)`.
  @Authorized(...allowedRoles('messageAdded'))
  @Subscription(() => Message, {
    description: 'Messages added to a thread, live.',
    topics: 'served-by-router',
  })
  messageAdded(@Arg('threadId', () => ID) _threadId: string, @Root() message: Message): Message {
    return message;
  }

  @FieldResolver(() => StaffUserRef, { nullable: true, description: 'The staff member who wrote it; null when the client did (see senderKind).' })
  sender(@Root() message: Message): StaffUserRef | null {
    return message.senderKind === 'STAFF' ? { id: message.senderId } : null;
  }

  @FieldResolver(() => Thread)
  thread(@Root() message: Message, @Ctx() ctx: RequestContext) {
    return this.service.get(requireUser(ctx), message.threadId);
  }
}

export const portalReferences = (service: ThreadService) => ({
  Thread: { __resolveReference: (ref: { id: string }, ctx: RequestContext) => nullIfNotFound(service.get(requireUser(ctx, allowedRoles('thread')), ref.id)) },
  Message: { __resolveReference: (ref: { id: string }, ctx: RequestContext) => nullIfNotFound(service.getMessage(requireUser(ctx, allowedRoles('message')), ref.id)) },
});
