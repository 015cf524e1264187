import { randomBytes } from 'node:crypto';
import { DomainError, type AuthClaims, type FieldCipher, type Redis } from '@solace/server-kit';
import { CalendarProviderError, schedulePulls, stopPulls, type CalendarProvider, type CalendarSyncQueue } from '@solace/workers';
import type { CalendarConnectionRepository } from './calendar-connection.repository';

const STATE_TTL_SECONDS = 600;
const stateKey = (state: string) => `solace:calendar-oauth:${state}`;

export interface CalendarConnectionStatus {
  provider: string;
  connected: boolean;
  connectedAt: Date | null;
  lastSyncedAt: Date | null;
  lastError: string | null;
}

/**
 * Connecting a clinician's Google Calendar: an OAuth state bound to the signed-in clinician (Redis,
 * 10 minutes, single use), the code exchanged for a refresh token stored encrypted, then pulls
 * scheduled. Without Google credentials configured, the feature says so instead of pretending.
 */
export class CalendarConnectionService {
  constructor(
    private readonly connections: CalendarConnectionRepository,
    private readonly provider: CalendarProvider | null,
    private readonly cipher: FieldCipher,
    private readonly redis: Redis,
    private readonly queue: () => CalendarSyncQueue,
    private readonly redirectUri: string,
  ) {}

  async status(user: AuthClaims): Promise<CalendarConnectionStatus> {
    const connection = await this.connections.find(user.practiceId, user.sub);
    return { provider: 'GOOGLE', connected: Boolean(connection), connectedAt: connection?.connectedAt ?? null, lastSyncedAt: connection?.lastSyncedAt ?? null, lastError: connection?.lastError ?? null };
  }

  async start(user: AuthClaims): Promise<string> {
    const provider = this.configured();
    const state = randomBytes(24).toString('base64url');
    await this.redis.set(stateKey(state), JSON.stringify({ sub: user.sub, practiceId: user.practiceId }), 'EX', STATE_TTL_SECONDS);
    return provider.authorizationUrl(state, this.redirectUri);
  }

  async complete(user: AuthClaims, code: string, state: string): Promise<CalendarConnectionStatus> {
    const provider = this.configured();
    const saved = await this.redis.getdel(stateKey(state));
    const owner = saved ? (JSON.parse(saved) as { sub: string; practiceId: string }) : null;
    // A state from another person's (or an expired) start is refused: it could be a forged callback.
    if (!owner || owner.sub !== user.sub || owner.practiceId !== user.practiceId) throw new DomainError('INVALID_TOKEN', 'This connection link has expired; start again.');
    let refreshToken: string | undefined;
    try {
      refreshToken = (await provider.exchangeCode(code, this.redirectUri)).refreshToken;
    } catch (error) {
      if (error instanceof CalendarProviderError) throw new DomainError('BAD_USER_INPUT', 'Google did not accept the connection; please try again.', { details: { reason: 'PROVIDER_REFUSED', providerCode: error.code } });
      throw error;
    }
    if (!refreshToken) throw new DomainError('BAD_USER_INPUT', 'Google did not grant offline access; please try again and allow it.', { details: { reason: 'NO_OFFLINE_ACCESS' } });
    const connection = await this.connections.save(user.practiceId, user.sub, this.cipher.encrypt(refreshToken, 'CalendarConnection.refreshToken'));
    await schedulePulls(this.queue(), { practiceId: user.practiceId, connectionId: connection.id });
    return this.status(user);
  }

  async disconnect(user: AuthClaims): Promise<CalendarConnectionStatus> {
    const id = await this.connections.remove(user.practiceId, user.sub);
    if (id) await stopPulls(this.queue(), id);
    return this.status(user);
  }

  private configured(): CalendarProvider {
    if (!this.provider) throw new DomainError('BAD_USER_INPUT', 'Google Calendar is not configured for this Solace installation (SOLACE_GOOGLE_CLIENT_ID/SECRET).', { details: { reason: 'PROVIDER_NOT_CONFIGURED' } });
    return this.provider;
  }
}
