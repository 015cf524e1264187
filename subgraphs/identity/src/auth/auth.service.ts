// Staff sign-in for the walking skeleton: email + password → access token with the final claim
// shape. Lockout, MFA, refresh tokens and sessions arrive with issue 3.
import { randomUUID } from 'node:crypto';
import { DomainError, hashPassword, signAccessToken, verifyPassword, type RoleName } from '@solace/server-kit';
import type { StaffUserRepository } from '../staff-user/staff-user.repository';

const WRONG_CREDENTIALS = 'The email or password is incorrect.';

export class AuthService {
  /** A hash of a random secret, checked when the email is unknown so timing does not reveal which emails exist. */
  private readonly unknownUserHash = hashPassword(randomUUID());

  constructor(
    private readonly staff: StaffUserRepository,
    private readonly jwtSecret: string,
  ) {}

  async login(email: string, password: string) {
    const found = await this.staff.findCredentialsByEmail(email);
    const passwordOk = await verifyPassword(password, found?.passwordHash ?? (await this.unknownUserHash));
    if (!found || !found.active || !passwordOk) throw new DomainError('UNAUTHENTICATED', WRONG_CREDENTIALS);
    const { token, expiresAt } = await signAccessToken(
      { sub: found.id, practiceId: found.practiceId, roles: found.roles as RoleName[] },
      this.jwtSecret,
    );
    const { passwordHash: _hash, active: _active, ...user } = found;
    return { accessToken: token, expiresAt, user };
  }
}
