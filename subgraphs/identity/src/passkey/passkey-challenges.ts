// WebAuthn challenges live in Redis for five minutes and are taken (GETDEL) exactly once, so a
// response can never be replayed against the same challenge.
import { randomUUID } from 'node:crypto';
import type { Redis } from '@solace/server-kit';

const TTL_SECONDS = 5 * 60;
const key = (kind: 'register' | 'sign-in', id: string) => `solace:webauthn:${kind}:${id}`;

export interface StoredChallenge {
  challenge: string;
  /** Registration only: whose passkey it will be. */
  userId?: string;
}

export class PasskeyChallenges {
  constructor(private readonly redis: Redis) {}

  async put(kind: 'register' | 'sign-in', value: StoredChallenge): Promise<string> {
    const id = randomUUID();
    await this.redis.set(key(kind, id), JSON.stringify(value), 'EX', TTL_SECONDS);
    return id;
  }

  async take(kind: 'register' | 'sign-in', id: string): Promise<StoredChallenge | null> {
    const stored = await this.redis.getdel(key(kind, id));
    return stored ? (JSON.parse(stored) as StoredChallenge) : null;
  }
}
