import { channelFor, DomainError, hasAnyRole, notFound, publishEvent, type AuthClaims, type Redis } from '@solace/server-kit';
import type { Message } from '../message/message.type';
import type { ThreadRepository, ThreadScope } from './thread.repository';
import type { Thread } from './thread.type';

/**
 * Staff see every thread of their practice; a client (CLIENT role, from the portal) sees only the
 * threads with their own client id, and another client's thread is simply not found.
 */
export function scopeOf(user: AuthClaims): ThreadScope {
  if (!hasAnyRole(user, ['CLIENT'])) return { practiceId: user.practiceId };
  if (!user.clientId) throw new DomainError('FORBIDDEN', 'This portal sign-in is not linked to a client.');
  return { practiceId: user.practiceId, clientId: user.clientId };
}

export class ThreadService {
  constructor(
    private readonly threads: ThreadRepository,
    private readonly redis: Redis,
  ) {}

  list(user: AuthClaims): Promise<Thread[]> {
    return this.threads.listThreads(scopeOf(user));
  }

  async get(user: AuthClaims, id: string): Promise<Thread> {
    const thread = await this.threads.findThread(scopeOf(user), id);
    if (!thread) throw notFound('Thread', id);
    return thread;
  }

  async start(user: AuthClaims, clientId: string, subject: string): Promise<Thread> {
    if (!(await this.threads.clientExists(user.practiceId, clientId))) throw notFound('Client', clientId);
    return this.threads.createThread({ practiceId: user.practiceId, clientId, subject: subject.trim() });
  }

  async getMessage(user: AuthClaims, id: string): Promise<Message> {
    const message = await this.threads.findMessage(scopeOf(user), id);
    if (!message) throw notFound('Message', id);
    return message;
  }

  messages(user: AuthClaims, threadId: string, limit = 200): Promise<Message[]> {
    return this.threads.listMessages(scopeOf(user), threadId, Math.min(Math.max(limit, 1), 500));
  }

  async send(user: AuthClaims, threadId: string, body: string): Promise<Message> {
    const thread = await this.get(user, threadId);
    // A client's message names the client (the thread's client id) as its sender, so it reads as
    // theirs to staff; staff messages name the staff user.
    const senderId = scopeOf(user).clientId ? thread.clientId : user.sub;
    const message = await this.threads.addMessage({ practiceId: user.practiceId, threadId, senderId, body: body.trim() });
    // After commit: the event carries keys only; the router re-reads the message per subscriber.
    await publishEvent(this.redis, channelFor('messageAdded', user.practiceId, threadId), { practiceId: user.practiceId, keys: { id: message.id } });
    return message;
  }
}
