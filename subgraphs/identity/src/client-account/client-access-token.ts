import { signAccessToken } from '@solace/server-kit';
import type { ClientAccount } from './client-account.type';

/** The access token of a client session: sign-in and every refresh mint it the same way. */
export async function clientAccessToken(account: ClientAccount, sessionId: string, jwtSecret: string) {
  const { token, expiresAt } = await signAccessToken({ sub: account.id, practiceId: account.practiceId, roles: ['CLIENT'], sid: sessionId, clientId: account.clientId }, jwtSecret);
  return { accessToken: token, expiresAt };
}
