// Staff sign-in: email + password with lockout, then a session of rotating refresh tokens.
// Access tokens live 15 minutes; refresh tokens 7 days, single use: presenting a used one again
// means it was stolen, so the whole session is revoked. A session also ends after 15 idle minutes
// (session-liveness in Redis, checked by the router on every request). Staff with TOTP enrolled
// get an MFA challenge after the password and a session only after the second factor.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import {
  DomainError,
  endSessionLiveness,
  hashPassword,
  needsRehash,
  signAccessToken,
  signMfaChallenge,
  startSessionLiveness,
  verifyMfaChallenge,
  touchSession,
  verifyPassword,
  type AuthClaims,
  type Redis,
  type RoleName,
} from '@solace/server-kit';
import type { ClientAccountRepository } from '../client-account/client-account.repository';
import { clientAccessToken } from '../client-account/client-access-token';
import type { MfaService } from '../mfa/mfa.service';
import type { PracticeRepository } from '../practice/practice.repository';
import type { StaffUserRepository } from '../staff-user/staff-user.repository';
import type { StaffUser } from '../staff-user/staff-user.type';
import type { SessionRecord, SessionRepository } from './session.repository';

const WRONG_CREDENTIALS = 'The email or password is incorrect.';
const SESSION_ENDED = 'Your session has ended; sign in again.';
export const MAX_FAILED_SIGN_INS = 5;
export const LOCK_MINUTES = 15;
export const REFRESH_TOKEN_DAYS = 7;

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');
const newRefreshToken = () => randomBytes(32).toString('base64url');

export interface ClientMeta {
  ip: string | null;
  userAgent: string | null;
}

export class AuthService {
  /** A hash of a random secret, checked when the email is unknown so timing does not reveal which emails exist. */
  private readonly unknownUserHash = hashPassword(randomUUID());

  constructor(
    private readonly staff: StaffUserRepository,
    private readonly sessions: SessionRepository,
    private readonly redis: Redis,
    private readonly jwtSecret: string,
    private readonly mfa: MfaService,
    private readonly clientAccounts: ClientAccountRepository,
    private readonly practices: PracticeRepository,
  ) {}

  async login(email: string, password: string, meta: ClientMeta, now = new Date()) {
    const found = await this.staff.findCredentialsByEmail(email);
    if (found?.lockedUntil && found.lockedUntil > now) throw lockedError(found.lockedUntil);
    const passwordOk = await verifyPassword(password, found?.passwordHash ?? (await this.unknownUserHash));
    if (!found || !found.active || !passwordOk) {
      if (found) {
        const lockedUntil = await this.staff.recordFailedSignIn(found.id, MAX_FAILED_SIGN_INS, LOCK_MINUTES);
        if (lockedUntil && lockedUntil > now) throw lockedError(lockedUntil);
      }
      throw new DomainError('UNAUTHENTICATED', WRONG_CREDENTIALS);
    }
    if (needsRehash(found.passwordHash)) await this.staff.setPassword(found.id, await hashPassword(password));
    // With MFA on, the password alone proves nothing yet: the failure count stays until the second factor.
    if (await this.mfa.isEnabled(found.id)) return { mfaRequired: true, mfaEnrollmentRequired: false, mfaToken: await signMfaChallenge(found.id, this.jwtSecret) };
    if ((await this.practices.findById(found.practiceId))?.staffMfaRequired) {
      // Their second factor is a passkey: letting the password alone enrol an authenticator app
      // would get around it, so the passkey is the way in.
      if (await this.mfa.hasPasskey(found.id)) throw passkeyRequiredError();
      // The practice requires a second factor this user has not set up: no session until they do.
      return { mfaRequired: false, mfaEnrollmentRequired: true, mfaToken: await signMfaChallenge(found.id, this.jwtSecret, 'enroll') };
    }
    await this.staff.recordSuccessfulSignIn(found.id);
    const { passwordHash: _hash, active: _active, lockedUntil: _locked, ...user } = found;
    return this.startSession(user, meta, now);
  }

  /** Enrolment forced at sign-in, step one: the authenticator secret and its QR code. */
  async startEnrollmentAtSignIn(mfaToken: string, now = new Date()) {
    const userId = await this.enrollingUser(mfaToken, now);
    return this.mfa.startEnrollment(userId);
  }

  /** Enrolment forced at sign-in, step two: the first code turns it on and starts the session. */
  async completeEnrollmentAtSignIn(mfaToken: string, code: string, meta: ClientMeta, now = new Date()) {
    const userId = await this.enrollingUser(mfaToken, now);
    const recoveryCodes = await this.mfa.confirmEnrollment(userId, code);
    return { ...(await this.signInVerified(userId, meta, now)), recoveryCodes };
  }

  /**
   * Starts a session for a user whose credentials were verified elsewhere (enrolment, a passkey),
   * after the same active and lockout checks as a password sign-in.
   */
  async signInVerified(userId: string, meta: ClientMeta, now = new Date()) {
    const found = await this.signInAllowed(userId, now);
    await this.staff.recordSuccessfulSignIn(userId);
    const { passwordHash: _hash, active: _active, lockedUntil: _locked, ...user } = found;
    return this.startSession(user, meta, now);
  }

  /** The enrolment token's user, while they still may sign in and still have no second factor. */
  private async enrollingUser(mfaToken: string, now: Date): Promise<string> {
    const userId = await verifyMfaChallenge(mfaToken, this.jwtSecret, 'enroll');
    await this.signInAllowed(userId, now);
    if (await this.mfa.isEnabled(userId)) throw new DomainError('CONFLICT', 'Two-step verification is already on; sign in with your code.', { details: { reason: 'MFA_ALREADY_ENABLED' } });
    // A passkey added since the token was issued is a second factor the password must not bypass.
    if (await this.mfa.hasPasskey(userId)) throw passkeyRequiredError();
    return userId;
  }

  /** Refuses a deactivated or locked account (ACCOUNT_LOCKED), whichever way it signs in. */
  async signInAllowed(userId: string, now: Date) {
    const found = await this.staff.findCredentialsById(userId);
    if (!found || !found.active) throw new DomainError('UNAUTHENTICATED', WRONG_CREDENTIALS);
    if (found.lockedUntil && found.lockedUntil > now) throw lockedError(found.lockedUntil);
    return found;
  }

  /** The second step of sign-in: a TOTP code or a recovery code. Failures count towards the lockout. */
  async completeMfa(mfaToken: string, code: string, meta: ClientMeta, now = new Date()) {
    const userId = await verifyMfaChallenge(mfaToken, this.jwtSecret);
    const found = await this.staff.findCredentialsById(userId);
    if (!found || !found.active) throw new DomainError('UNAUTHENTICATED', WRONG_CREDENTIALS);
    if (found.lockedUntil && found.lockedUntil > now) throw lockedError(found.lockedUntil);
    if (!(await this.mfa.verifySecondFactor(userId, code))) {
      const lockedUntil = await this.staff.recordFailedSignIn(userId, MAX_FAILED_SIGN_INS, LOCK_MINUTES);
      if (lockedUntil && lockedUntil > now) throw lockedError(lockedUntil);
      throw new DomainError('MFA_INVALID_CODE', 'That code is not valid. Use the current code from your authenticator app, or a recovery code.');
    }
    await this.staff.recordSuccessfulSignIn(userId);
    const { passwordHash: _hash, active: _active, lockedUntil: _locked, ...user } = found;
    return this.startSession(user, meta, now);
  }

  private async startSession(user: StaffUser, meta: ClientMeta, now: Date) {
    const refreshToken = newRefreshToken();
    const session = await this.sessions.create({
      practiceId: user.practiceId,
      userId: user.id,
      expiresAt: new Date(now.getTime() + REFRESH_TOKEN_DAYS * 86_400_000),
      tokenHash: sha256(refreshToken),
      ...meta,
    });
    await startSessionLiveness(this.redis, session.id);
    return { mfaRequired: false, mfaEnrollmentRequired: false, ...(await this.accessToken(session, user.roles as RoleName[])), refreshToken, user };
  }

  /** Exchanges a refresh token for a new access token and the next refresh token. */
  async refresh(refreshToken: string, now = new Date()) {
    const found = await this.sessions.findToken(sha256(refreshToken));
    if (!found) throw new DomainError('UNAUTHENTICATED', SESSION_ENDED);
    const { session } = found;
    if (session.revokedAt || session.expiresAt <= now) throw new DomainError('UNAUTHENTICATED', SESSION_ENDED);
    const next = newRefreshToken();
    if (found.usedAt || !(await this.sessions.rotate(found.id, session, sha256(next)))) {
      await this.end([session.id], 'REUSE_DETECTED');
      throw new DomainError('UNAUTHENTICATED', 'This sign-in was used twice, so it has been ended for your safety; sign in again.', {
        details: { reason: 'REFRESH_TOKEN_REUSED' },
      });
    }
    if (!(await touchSession(this.redis, session.id))) {
      await this.end([session.id], 'IDLE_TIMEOUT');
      throw new DomainError('UNAUTHENTICATED', SESSION_ENDED, { details: { reason: 'IDLE_TIMEOUT' } });
    }
    if (session.subject === 'CLIENT') return this.refreshClient(session, next);
    const user = await this.staff.findInPractice(session.practiceId, session.userId);
    if (!user) {
      await this.end([session.id], 'USER_INACTIVE');
      throw new DomainError('UNAUTHENTICATED', SESSION_ENDED);
    }
    return { mfaRequired: false, mfaEnrollmentRequired: false, ...(await this.accessToken(session, user.roles as RoleName[])), refreshToken: next, user };
  }

  /** A client portal session rotates the same way; its claims come from the (still active) portal account. */
  private async refreshClient(session: SessionRecord, refreshToken: string) {
    const account = await this.clientAccounts.findActive(session.practiceId, session.userId);
    if (!account) {
      await this.end([session.id], 'USER_INACTIVE');
      throw new DomainError('UNAUTHENTICATED', SESSION_ENDED);
    }
    return { mfaRequired: false, mfaEnrollmentRequired: false, ...(await clientAccessToken(account, session.id, this.jwtSecret)), refreshToken, user: null, clientAccount: account };
  }

  async logout(user: AuthClaims): Promise<boolean> {
    await this.end([user.sid], 'LOGOUT');
    return true;
  }

  /** Ends every session of the user, this one included. */
  async revokeAll(user: AuthClaims): Promise<number> {
    const ids = await this.sessions.activeSessionIds(user.sub);
    await this.end([...new Set([...ids, user.sid])], 'REVOKED_ALL');
    return ids.length;
  }

  private async end(sessionIds: string[], reason: string) {
    await this.sessions.revoke(sessionIds, reason);
    await endSessionLiveness(this.redis, sessionIds);
  }

  private async accessToken(session: SessionRecord, roles: RoleName[]) {
    const { token, expiresAt } = await signAccessToken({ sub: session.userId, practiceId: session.practiceId, roles, sid: session.id }, this.jwtSecret);
    return { accessToken: token, expiresAt };
  }
}

function passkeyRequiredError() {
  return new DomainError('UNAUTHENTICATED', 'Your practice requires two-step verification: sign in with your passkey.', { details: { reason: 'PASSKEY_REQUIRED' } });
}

function lockedError(lockedUntil: Date) {
  return new DomainError('ACCOUNT_LOCKED', `Too many failed sign-ins. Try again after ${lockedUntil.toISOString()}.`, {
    details: { lockedUntil: lockedUntil.toISOString() },
  });
}
