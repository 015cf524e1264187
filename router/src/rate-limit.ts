// Request rate limits per client IP and per signed-in user, counted in Redis so every router
// replica shares them. A refusal is HTTP 429 with code RATE_LIMITED and Retry-After.
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { Redis } from 'ioredis';

export interface RateLimits {
  perIpPerMinute: number;
  perUserPerMinute: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = { perIpPerMinute: 600, perUserPerMinute: 1200 };

export function rateLimitsFromEnv(env: NodeJS.ProcessEnv): RateLimits {
  return {
    perIpPerMinute: Number(env.SOLACE_RATE_LIMIT_IP_PER_MINUTE ?? DEFAULT_RATE_LIMITS.perIpPerMinute),
    perUserPerMinute: Number(env.SOLACE_RATE_LIMIT_USER_PER_MINUTE ?? DEFAULT_RATE_LIMITS.perUserPerMinute),
  };
}

export function createRateLimiter(redis: Redis, limits: RateLimits) {
  const byIp = new RateLimiterRedis({ storeClient: redis, keyPrefix: 'solace:rl:ip', points: limits.perIpPerMinute, duration: 60 });
  const byUser = new RateLimiterRedis({ storeClient: redis, keyPrefix: 'solace:rl:user', points: limits.perUserPerMinute, duration: 60 });

  /** null when allowed; otherwise the seconds to wait. */
  return async function check(ip: string, userId: string | undefined): Promise<number | null> {
    try {
      await byIp.consume(ip);
      if (userId) await byUser.consume(userId);
      return null;
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      throw rejection; // Redis itself failed: surface it rather than silently dropping the limit
    }
  };
}
