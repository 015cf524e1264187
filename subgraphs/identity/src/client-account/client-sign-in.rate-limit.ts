// Client sign-in is public, so it is rate-limited in Redis (shared by every identity replica):
// sign-in emails per address and per IP, and code attempts per IP. A fixed window keeps it to one
// round trip. Addresses are hashed so no email sits in Redis.
import { createHash } from 'node:crypto';
import { DomainError, type Redis } from '@solace/server-kit';

export interface ClientSignInLimits {
  /** Sign-in emails one address may ask for per window. */
  emailsPerAddress: number;
  /** Sign-in emails one IP may ask for per window. */
  emailsPerIp: number;
  /** Codes or links one IP may try per window (each code also burns after five wrong tries). */
  attemptsPerIp: number;
  windowSeconds: number;
}

export const DEFAULT_CLIENT_SIGN_IN_LIMITS: ClientSignInLimits = { emailsPerAddress: 5, emailsPerIp: 30, attemptsPerIp: 60, windowSeconds: 15 * 60 };

export function clientSignInLimitsFromEnv(env: NodeJS.ProcessEnv): ClientSignInLimits {
  const number = (name: string, fallback: number) => (env[name] ? Number(env[name]) : fallback);
  const d = DEFAULT_CLIENT_SIGN_IN_LIMITS;
  return {
    emailsPerAddress: number('SOLACE_CLIENT_SIGN_IN_PER_EMAIL', d.emailsPerAddress),
    emailsPerIp: number('SOLACE_CLIENT_SIGN_IN_PER_IP', d.emailsPerIp),
    attemptsPerIp: number('SOLACE_CLIENT_SIGN_IN_ATTEMPTS_PER_IP', d.attemptsPerIp),
    windowSeconds: d.windowSeconds,
  };
}

export class ClientSignInRateLimit {
  constructor(
    private readonly redis: Redis,
    private readonly limits: ClientSignInLimits,
    private readonly prefix = 'solace:rl:client-sign-in',
  ) {}

  /** Counts a request for a sign-in email; RATE_LIMITED once the address or the IP is over its limit. */
  async emailRequested(email: string, ip: string | null): Promise<void> {
    const address = createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
    await this.hit(`ip:${ip ?? 'unknown'}`, this.limits.emailsPerIp);
    await this.hit(`email:${address}`, this.limits.emailsPerAddress);
  }

  /** Counts a code or link attempt from this IP. */
  async attempted(ip: string | null): Promise<void> {
    await this.hit(`attempt-ip:${ip ?? 'unknown'}`, this.limits.attemptsPerIp);
  }

  private async hit(key: string, limit: number): Promise<void> {
    const full = `${this.prefix}:${key}`;
    const results = await this.redis.multi().set(full, '0', 'EX', this.limits.windowSeconds, 'NX').incr(full).ttl(full).exec();
    const count = Number(results?.[1]?.[1] ?? 0);
    const ttl = Number(results?.[2]?.[1] ?? this.limits.windowSeconds);
    if (count > limit) {
      const retryAfter = Math.max(1, ttl);
      throw new DomainError('RATE_LIMITED', `Too many sign-in requests; try again in ${Math.ceil(retryAfter / 60)} minutes.`, { details: { retryAfterSeconds: retryAfter } });
    }
  }
}
