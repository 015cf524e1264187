// What a signed-in staff member manages about their own account: sessions (see and end them),
// their password, and their sign-in email (changed only after the new address confirms it).
// Changing the password or email needs the current password, and a wrong one counts towards the
// lockout, so an unattended session cannot be used to take the account over.
import { createHash } from 'node:crypto';
import { assertPasswordPolicy, DomainError, endSessionLiveness, hashPassword, isSessionAlive, notFound, verifyPassword, type AuthClaims, type Redis } from '@solace/server-kit';
import type { StaffUserRepository } from '../staff-user/staff-user.repository';
import type { AccountEmailSender } from './account-email.sender';
import { LOCK_MINUTES, MAX_FAILED_SIGN_INS } from './auth.service';
import type { PasswordTokenRepository } from './password-token.repository';
import type { SessionRepository } from './session.repository';

const INVALID_LINK = 'This link is invalid, used or expired. Ask for a new one from your account page.';

export class AccountSecurityService {
  constructor(
    private readonly staff: StaffUserRepository,
    private readonly sessions: SessionRepository,
    private readonly tokens: PasswordTokenRepository,
    private readonly redis: Redis,
    private readonly emails: AccountEmailSender,
  ) {}

  /** Sessions that can still be used: not ended, not expired, and not idle past the timeout (Redis). */
  async mySessions(user: AuthClaims) {
    const sessions = await this.sessions.listActive(user.practiceId, user.sub);
    const alive = await Promise.all(sessions.map((session) => isSessionAlive(this.redis, session.id)));
    return sessions.filter((_, index) => alive[index]).map((session) => ({ ...session, current: session.id === user.sid }));
  }

  /** Ends one of your own sessions (signing out that device); NOT_FOUND for anyone else's. */
  async revokeSession(user: AuthClaims, sessionId: string): Promise<boolean> {
    const mine = await this.sessions.listActive(user.practiceId, user.sub);
    if (!mine.some((session) => session.id === sessionId)) throw notFound('Session', sessionId);
    await this.sessions.revoke([sessionId], 'REVOKED');
    await endSessionLiveness(this.redis, [sessionId]);
    return true;
  }

  /** Sets a new password and ends every other session; this one stays signed in. */
  async changePassword(user: AuthClaims, currentPassword: string, newPassword: string): Promise<boolean> {
    const me = await this.checkPassword(user, currentPassword);
    assertPasswordPolicy(newPassword, { email: me.email, displayName: me.displayName });
    await this.staff.setPassword(me.id, await hashPassword(newPassword));
    const others = (await this.sessions.activeSessionIds(me.id)).filter((id) => id !== user.sid);
    await this.sessions.revoke(others, 'PASSWORD_CHANGED');
    await endSessionLiveness(this.redis, others);
    return true;
  }

  /** Emails a confirmation link to the new address; the address changes only when it is used. */
  async requestEmailChange(user: AuthClaims, newEmail: string, currentPassword: string, requestId: string): Promise<boolean> {
    const me = await this.checkPassword(user, currentPassword);
    const email = newEmail.trim().toLowerCase();
    if (email === me.email) throw new DomainError('BAD_USER_INPUT', 'That is already your sign-in email.', { details: { reason: 'SAME_EMAIL' } });
    await this.emails.send({ userId: me.id, practiceId: me.practiceId, purpose: 'EMAIL_CHANGE', requestId, email });
    return true;
  }

  /** Redeems the emailed link (public: the link itself is the proof). */
  async confirmEmailChange(token: string, now = new Date()): Promise<boolean> {
    const found = await this.tokens.findByHash(createHash('sha256').update(token).digest('hex'));
    if (!found || found.purpose !== 'EMAIL_CHANGE' || !found.email || found.usedAt || found.expiresAt <= now) throw new DomainError('INVALID_TOKEN', INVALID_LINK);
    if (!(await this.tokens.markUsed(found.id))) throw new DomainError('INVALID_TOKEN', INVALID_LINK);
    if (!(await this.staff.changeEmail(found.practiceId, found.userId, found.email, now))) {
      throw new DomainError('CONFLICT', 'Someone already signs in with this email.', { details: { reason: 'EMAIL_TAKEN' } });
    }
    return true;
  }

  private async checkPassword(user: AuthClaims, password: string) {
    const me = await this.staff.findCredentialsById(user.sub);
    if (!me || !me.active || me.practiceId !== user.practiceId) throw notFound('StaffUser', user.sub);
    if (!(await verifyPassword(password, me.passwordHash))) {
      await this.staff.recordFailedSignIn(me.id, MAX_FAILED_SIGN_INS, LOCK_MINUTES);
      throw new DomainError('BAD_USER_INPUT', 'Your current password is not right.', { details: { reason: 'WRONG_PASSWORD' } });
    }
    return me;
  }
}
