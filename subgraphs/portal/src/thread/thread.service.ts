import { channelFor, notFound, publishEvent, type AuthClaims, type Redis } from '@solace/server-kit';
import type { Message } from '../message/message.type';
import type { ThreadRepository } from './thread.repository';
import type { Thread } from './thread.type';

export class ThreadService {
  constructor(
    private readonly threads: ThreadRepository,
    private readonly redis: Redis,
  ) {}

  list(user: AuthClaims): Promise<Thread[]> {
    return this.threads.listThreads(user.practiceId);
  }

  async get(user: AuthClaims, id: string): Promise<Thread> {
    const thread = await this.threads.findThread(user.practiceId, id);
    if (!thread) throw notFound('Thread', id);
    return thread;
  }

  async start(user: AuthClaims, clientId: string, subject: string): Promise<Thread> {
    if (!(await this.threads.clientExists(user.practiceId, clientId))) throw notFound('Client', clientId);
    return this.threads.createThread({ practiceId: user.practiceId, clientId, subject: subject.trim() });
  }

  async getMessage(user: AuthClaims, id: string): Promise<Message> {
    const message = await this.threads.findMessage(user.practiceId, id);
    if (!message) throw notFound('Message', id);
    return message;
  }

  messages(user: AuthClaims, threadId: string, limit = 200): Promise<Message[]> {
    return this.threads.listMessages(user.practiceId, threadId, Math.min(Math.max(limit, 1), 500));
  }

  async send(user: AuthClaims, threadId: string, body: string): Promise<Message> {
    await this.get(user, threadId);
    const message = await this.threads.addMessage({ practiceId: user.practiceId, threadId, senderId: user.sub, body: body.trim() });
    // After commit: the event carries keys only; the router re-reads the message per subscriber.
    await publishEvent(this.redis, channelFor('messageAdded', user.practiceId, threadId), { practiceId: user.practiceId, keys: { id: message.id } });
    return message;
  }
}
