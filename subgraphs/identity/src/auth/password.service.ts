// Password resets and first passwords for invited staff. Requests never reveal whether an email
// exists; links are single-use and expire (30 minutes for resets, 3 days for invitations); a new
// password must meet the policy and ends every session of the account.
import { createHash } from 'node:crypto';
import { assertPasswordPolicy, DomainError, endSessionLiveness, hashPassword } from '@solace/server-kit';
import type { StaffUserRepository } from '../staff-user/staff-user.repository';
import type { AccountEmailSender } from './account-email.sender';
import type { PasswordTokenRepository } from './password-token.repository';
import type { SessionRepository } from './session.repository';
import type { Redis } from '@solace/server-kit';

const INVALID_LINK = 'This link is invalid, used or expired. Ask for a new one.';

export class PasswordService {
  constructor(
    private readonly staff: StaffUserRepository,
    private readonly tokens: PasswordTokenRepository,
    private readonly sessions: SessionRepository,
    private readonly redis: Redis,
    private readonly emails: AccountEmailSender,
  ) {}

  async requestReset(email: string, requestId: string): Promise<true> {
    const found = await this.staff.findCredentialsByEmail(email);
    if (found?.active) await this.emails.send({ userId: found.id, practiceId: found.practiceId, purpose: 'RESET', requestId });
    return true;
  }

  async setPassword(token: string, password: string, now = new Date()): Promise<true> {
    const found = await this.tokens.findByHash(createHash('sha256').update(token).digest('hex'));
    if (!found || found.purpose === 'EMAIL_CHANGE' || found.usedAt || found.expiresAt <= now) throw new DomainError('INVALID_TOKEN', INVALID_LINK);
    const user = await this.staff.findInPractice(found.practiceId, found.userId);
    if (!user) throw new DomainError('INVALID_TOKEN', INVALID_LINK);
    assertPasswordPolicy(password, { email: user.email, displayName: user.displayName });
    if (!(await this.tokens.markUsed(found.id))) throw new DomainError('INVALID_TOKEN', INVALID_LINK);
    // The link reached them by email, so the address is theirs.
    await this.staff.setPassword(user.id, await hashPassword(password), now);
    const sessionIds = await this.sessions.activeSessionIds(user.id);
    await this.sessions.revoke(sessionIds, 'PASSWORD_CHANGED');
    await endSessionLiveness(this.redis, sessionIds);
    return true;
  }
}
