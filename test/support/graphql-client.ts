// Small helpers to talk to the router the way a client does.
import { randomUUID } from 'node:crypto';
import { createRedis, loadConfig, signAccessToken, startSessionLiveness, type RoleName } from '@solace/server-kit';

export interface GraphQLResult<T = Record<string, any>> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string; [key: string]: unknown } }>;
}

export async function gql<T = Record<string, any>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<GraphQLResult<T> & { status: number }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as GraphQLResult<T>) };
}

/** A token for a user the test created directly in the database (sign-in itself is tested separately). */
export async function tokenFor(user: { id: string; practiceId: string; roles: string[]; clientId?: string }): Promise<string> {
  const sid = randomUUID();
  const redis = createRedis(process.env.REDIS_URL!);
  await startSessionLiveness(redis, sid);
  redis.disconnect();
  const claims = { sub: user.id, practiceId: user.practiceId, roles: user.roles as RoleName[], sid, ...(user.clientId ? { clientId: user.clientId } : {}) };
  const { token } = await signAccessToken(claims, loadConfig().jwtSecret);
  return token;
}
