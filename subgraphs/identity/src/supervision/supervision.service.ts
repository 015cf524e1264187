// Supervisor ↔ supervisee links: an admin records who supervises whom (an associate clinician
// under licensure supervision, usually). Supervisors see their supervisees' work (co-signing and
// unsigned notes build on these links); everyone can see their own links.
import { DomainError, notFound, type AuthClaims } from '@solace/server-kit';
import type { StaffUserRepository } from '../staff-user/staff-user.repository';
import type { SupervisionRepository } from './supervision.repository';
import type { SupervisionLink } from './supervision.type';

export class SupervisionService {
  constructor(
    private readonly links: SupervisionRepository,
    private readonly staff: StaffUserRepository,
  ) {}

  /** Admins see the practice's links; anyone else the links they are part of. */
  list(user: AuthClaims, includeEnded: boolean): Promise<SupervisionLink[]> {
    const involving = user.roles.includes('ADMIN') ? undefined : user.sub;
    return this.links.list(user.practiceId, { involving, includeEnded });
  }

  async link(admin: AuthClaims, supervisorId: string, superviseeId: string): Promise<SupervisionLink> {
    if (supervisorId === superviseeId) throw new DomainError('BAD_USER_INPUT', 'Nobody supervises themselves.', { details: { reason: 'SELF' } });
    const [supervisor, supervisee] = await Promise.all([this.activeStaff(admin, supervisorId), this.activeStaff(admin, superviseeId)]);
    if (!supervisor.roles.includes('SUPERVISOR')) {
      throw new DomainError('BAD_USER_INPUT', `${supervisor.displayName} needs the SUPERVISOR role to supervise.`, { details: { reason: 'NOT_A_SUPERVISOR' } });
    }
    if (!supervisee.roles.includes('CLINICIAN')) {
      throw new DomainError('BAD_USER_INPUT', `Only clinicians are supervised; ${supervisee.displayName} is not one.`, { details: { reason: 'NOT_A_CLINICIAN' } });
    }
    if (await this.links.findOpen(admin.practiceId, supervisorId, superviseeId)) {
      throw new DomainError('CONFLICT', `${supervisor.displayName} already supervises ${supervisee.displayName}.`, { details: { reason: 'ALREADY_LINKED' } });
    }
    return this.links.create(admin.practiceId, supervisorId, superviseeId);
  }

  async end(admin: AuthClaims, id: string, now = new Date()): Promise<SupervisionLink> {
    if (!(await this.links.end(admin.practiceId, id, now))) {
      const existing = await this.links.findInPractice(admin.practiceId, id);
      if (!existing) throw notFound('SupervisionLink', id);
      throw new DomainError('CONFLICT', 'This supervision has already ended.', { details: { reason: 'ALREADY_ENDED' } });
    }
    return (await this.links.findInPractice(admin.practiceId, id))!;
  }

  private async activeStaff(admin: AuthClaims, id: string) {
    const person = await this.staff.findInPractice(admin.practiceId, id);
    if (!person) throw notFound('StaffUser', id);
    return person;
  }
}
