// Admins manage their practice's staff: invite (an emailed link to choose a password), change
// roles, deactivate. A practice always keeps an active admin, and admins cannot lock themselves out.
import { DomainError, endSessionLiveness, notFound, type AuthClaims, type Redis } from '@solace/server-kit';
import type { AccountEmailSender } from '../auth/account-email.sender';
import type { SessionRepository } from '../auth/session.repository';
import type { StaffUserRepository } from './staff-user.repository';
import type { StaffUser } from './staff-user.type';

/** Matches no password: invited staff sign in only after choosing one through their link. */
const NO_PASSWORD_YET = '!invited';

export class StaffAdminService {
  constructor(
    private readonly staff: StaffUserRepository,
    private readonly sessions: SessionRepository,
    private readonly redis: Redis,
    private readonly emails: AccountEmailSender,
  ) {}

  async invite(admin: AuthClaims, input: { email: string; displayName: string; roles: string[] }, requestId: string): Promise<StaffUser> {
    const created = await this.staff.create({ practiceId: admin.practiceId, email: input.email, displayName: input.displayName.trim(), roles: input.roles, passwordHash: NO_PASSWORD_YET });
    if (!created) throw new DomainError('CONFLICT', 'Someone already signs in with this email.', { details: { reason: 'EMAIL_TAKEN' } });
    await this.emails.send({ userId: created.id, practiceId: admin.practiceId, purpose: 'INVITE', requestId });
    return created;
  }

  async changeRoles(admin: AuthClaims, id: string, roles: string[]): Promise<StaffUser> {
    const target = await this.get(admin, id);
    if (target.roles.includes('ADMIN') && !roles.includes('ADMIN')) await this.keepAnAdmin(admin);
    const updated = await this.staff.updateRoles(admin.practiceId, id, roles);
    // Tokens carry roles: end the person's sessions so the new roles apply at their next sign-in.
    await this.endSessions(id);
    return updated;
  }

  async deactivate(admin: AuthClaims, id: string): Promise<StaffUser> {
    if (id === admin.sub) throw new DomainError('CONFLICT', 'You cannot deactivate yourself; ask another admin.', { details: { reason: 'SELF' } });
    const target = await this.get(admin, id);
    if (target.roles.includes('ADMIN')) await this.keepAnAdmin(admin);
    const deactivated = await this.staff.deactivate(admin.practiceId, id);
    await this.endSessions(id);
    return deactivated;
  }

  private async get(admin: AuthClaims, id: string): Promise<StaffUser> {
    const target = await this.staff.findInPractice(admin.practiceId, id);
    if (!target) throw notFound('StaffUser', id);
    return target;
  }

  private async keepAnAdmin(admin: AuthClaims): Promise<void> {
    if ((await this.staff.countActiveAdmins(admin.practiceId)) <= 1) {
      throw new DomainError('CONFLICT', 'The practice needs at least one active admin.', { details: { reason: 'LAST_ADMIN' } });
    }
  }

  private async endSessions(userId: string): Promise<void> {
    const ids = await this.sessions.activeSessionIds(userId);
    await this.sessions.revoke(ids, 'ACCOUNT_CHANGED');
    await endSessionLiveness(this.redis, ids);
  }
}
