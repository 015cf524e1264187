import type { FieldCipher, PrismaClient } from '@solace/server-kit';
import type { Message } from '../message/message.type';
import type { Thread } from './thread.type';

const THREAD_FIELDS = { id: true, clientId: true, subject: true, lastMessageAt: true } as const;
const MESSAGE_FIELDS = { id: true, threadId: true, senderId: true, body: true, createdAt: true, thread: { select: { clientId: true } } } as const;
type MessageRow = { id: string; threadId: string; senderId: string; body: string; createdAt: Date; thread: { clientId: string } };

/**
 * Who may see which threads: staff see the practice's, a client only their own. Every query is
 * filtered by this, so a client's call can never reach another client's thread or message.
 */
export interface ThreadScope {
  practiceId: string;
  /** Set for CLIENT callers: only this client's threads. */
  clientId?: string;
}
const threadWhere = (scope: ThreadScope) => ({ practiceId: scope.practiceId, ...(scope.clientId ? { clientId: scope.clientId } : {}) });
/** Message bodies are encrypted at rest; this names the field in the ciphertext's authenticated data. */
export const MESSAGE_BODY_FIELD = 'Message.body';

export class ThreadRepository {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly cipher: FieldCipher,
  ) {}

  // A message the thread's client sent carries the client's id as its sender (see ThreadService.send).
  private readable = ({ thread, ...message }: MessageRow): Message => ({
    ...message,
    senderKind: message.senderId === thread.clientId ? 'CLIENT' : 'STAFF',
    body: this.cipher.decrypt(message.body, MESSAGE_BODY_FIELD),
  });

  findThread(scope: ThreadScope, id: string): Promise<Thread | null> {
    return this.prisma.thread.findFirst({ where: { id, ...threadWhere(scope) }, select: THREAD_FIELDS });
  }

  listThreads(scope: ThreadScope): Promise<Thread[]> {
    return this.prisma.thread.findMany({
      where: threadWhere(scope),
      select: THREAD_FIELDS,
      orderBy: [{ lastMessageAt: { sort: 'desc', nulls: 'last' } }, { createdAt: 'desc' }],
      take: 200,
    });
  }

  createThread(data: { practiceId: string; clientId: string; subject: string }): Promise<Thread> {
    return this.prisma.thread.create({ data, select: THREAD_FIELDS });
  }

  /** Read-only check that the client exists in the practice (owned by the patients domain). */
  async clientExists(practiceId: string, clientId: string): Promise<boolean> {
    return (await this.prisma.client.count({ where: { id: clientId, practiceId } })) === 1;
  }

  async findMessage(scope: ThreadScope, id: string): Promise<Message | null> {
    const message = await this.prisma.message.findFirst({ where: { id, practiceId: scope.practiceId, thread: threadWhere(scope) }, select: MESSAGE_FIELDS });
    return message && this.readable(message);
  }

  listMessages(scope: ThreadScope, threadId: string, limit: number): Promise<Message[]> {
    return this.prisma.message
      .findMany({ where: { practiceId: scope.practiceId, threadId, thread: threadWhere(scope) }, select: MESSAGE_FIELDS, orderBy: { createdAt: 'desc' }, take: limit })
      .then((newestFirst) => newestFirst.reverse().map(this.readable));
  }

  /** Adds the message and moves the thread's lastMessageAt in one transaction. */
  addMessage(data: { practiceId: string; threadId: string; senderId: string; body: string }): Promise<Message> {
    return this.prisma.$transaction(async (tx) => {
      const message = await tx.message.create({ data: { ...data, body: this.cipher.encrypt(data.body, MESSAGE_BODY_FIELD) }, select: MESSAGE_FIELDS });
      await tx.thread.update({ where: { id: data.threadId, practiceId: data.practiceId }, data: { lastMessageAt: message.createdAt } });
      return this.readable(message);
    });
  }
}
