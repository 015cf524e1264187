// Passwordless sign-in for clients: an emailed six-digit code or magic link (made by the
// account-emails worker; only hashes are stored), valid 15 minutes, single use; five wrong codes
// burn it. Asking for one always answers the same, so nobody learns which addresses have accounts.
// Success starts a CLIENT session: the same rotating refresh tokens and idle timeout as staff, and
// an access token with roles ['CLIENT'], sub = the ClientAccount id and the client's clientId.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { DomainError, startSessionLiveness, type Redis } from '@solace/server-kit';
import { clientCodeHash } from '@solace/workers';
import type { AccountEmailSender } from '../auth/account-email.sender';
import { REFRESH_TOKEN_DAYS, type ClientMeta } from '../auth/auth.service';
import type { SessionRepository } from '../auth/session.repository';
import { clientAccessToken } from './client-access-token';
import type { ClientAccountRepository, LiveSignInToken } from './client-account.repository';
import type { ClientSignInRateLimit } from './client-sign-in.rate-limit';

const INVALID = 'That code or link is not valid: it may be mistyped, used or expired. Ask for a new one.';
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const sameHash = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export class ClientSignInService {
  constructor(
    private readonly accounts: ClientAccountRepository,
    private readonly sessions: SessionRepository,
    private readonly redis: Redis,
    private readonly jwtSecret: string,
    private readonly emails: AccountEmailSender,
    private readonly limits: ClientSignInRateLimit,
  ) {}

  /** Emails a code and link to every active account with this address (one per practice). */
  async request(email: string, meta: ClientMeta, requestId: string): Promise<true> {
    await this.limits.emailRequested(email, meta.ip);
    const accounts = await this.accounts.findActiveIdsByEmail(email);
    for (const account of accounts) await this.emails.send({ userId: account.id, practiceId: account.practiceId, purpose: 'CLIENT_SIGN_IN', requestId });
    return true;
  }

  async completeWithCode(email: string, code: string, meta: ClientMeta, now = new Date()) {
    await this.limits.attempted(meta.ip);
    const candidates = await this.accounts.liveTokens(await this.accounts.findActiveIdsByEmail(email), now);
    for (const token of candidates) {
      // Every candidate spends an attempt, matching or not: guesses are counted before they are checked.
      if (!(await this.accounts.claimCodeAttempt(token, now))) continue;
      if (sameHash(token.codeHash, clientCodeHash(token.id, code.trim())) && (await this.accounts.markUsed(token, 'CODE', now))) {
        return this.startSession(token, meta, now);
      }
    }
    throw new DomainError('INVALID_TOKEN', INVALID);
  }

  async completeWithLink(linkToken: string, meta: ClientMeta, now = new Date()) {
    await this.limits.attempted(meta.ip);
    const token = await this.accounts.findLiveByLinkHash(sha256(linkToken), now);
    if (!token || !(await this.accounts.markUsed(token, 'LINK', now))) throw new DomainError('INVALID_TOKEN', INVALID);
    return this.startSession(token, meta, now);
  }

  private async startSession(token: LiveSignInToken, meta: ClientMeta, now: Date) {
    const account = await this.accounts.findActive(token.practiceId, token.accountId);
    if (!account) throw new DomainError('INVALID_TOKEN', INVALID);
    await this.accounts.recordSignIn(account.practiceId, account.id);
    const refreshToken = randomBytes(32).toString('base64url');
    const session = await this.sessions.create({
      practiceId: account.practiceId,
      userId: account.id,
      subject: 'CLIENT',
      expiresAt: new Date(now.getTime() + REFRESH_TOKEN_DAYS * 86_400_000),
      tokenHash: sha256(refreshToken),
      ...meta,
    });
    await startSessionLiveness(this.redis, session.id);
    return { mfaRequired: false, mfaEnrollmentRequired: false, ...(await clientAccessToken(account, session.id, this.jwtSecret)), refreshToken, user: null, clientAccount: { ...account, lastSignInAt: now } };
  }
}
