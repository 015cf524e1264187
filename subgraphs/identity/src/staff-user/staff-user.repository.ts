import type { PrismaClient } from '@solace/server-kit';
import type { StaffUser } from './staff-user.type';

const PUBLIC_FIELDS = {
  id: true,
  practiceId: true,
  displayName: true,
  email: true,
  roles: true,
  emailVerifiedAt: true,
  mfaEnabledAt: true,
  credentials: true,
  npi: true,
  licenseNumber: true,
  licenseState: true,
  licenseExpiresOn: true,
} as const;

/** Professional details to write: undefined leaves a field alone, null clears it. */
export interface ProfessionalDetailsChanges {
  credentials?: string | null;
  npi?: string | null;
  licenseNumber?: string | null;
  licenseState?: string | null;
  licenseExpiresOn?: Date | null;
}

export class StaffUserRepository {
  constructor(private readonly prisma: PrismaClient) {}

  findInPractice(practiceId: string, id: string): Promise<StaffUser | null> {
    return this.prisma.staffUser.findFirst({ where: { id, practiceId, active: true }, select: PUBLIC_FIELDS });
  }

  findManyInPractice(practiceId: string, ids: readonly string[]): Promise<StaffUser[]> {
    return this.prisma.staffUser.findMany({ where: { id: { in: [...ids] }, practiceId, active: true }, select: PUBLIC_FIELDS });
  }

  listInPractice(practiceId: string): Promise<StaffUser[]> {
    return this.prisma.staffUser.findMany({ where: { practiceId, active: true }, select: PUBLIC_FIELDS, orderBy: { displayName: 'asc' } });
  }

  /** null when the email is taken (emails are unique across practices: they are sign-in names). */
  async create(data: { practiceId: string; email: string; displayName: string; roles: string[]; passwordHash: string }): Promise<StaffUser | null> {
    const result = await this.prisma.staffUser.createMany({ data: [{ ...data, email: data.email.trim().toLowerCase(), roles: data.roles as never }], skipDuplicates: true });
    if (result.count === 0) return null;
    return this.prisma.staffUser.findFirst({ where: { email: data.email.trim().toLowerCase() }, select: PUBLIC_FIELDS });
  }

  updateProfessionalDetails(practiceId: string, id: string, changes: ProfessionalDetailsChanges): Promise<StaffUser> {
    return this.prisma.staffUser.update({ where: { id, practiceId }, data: changes, select: PUBLIC_FIELDS });
  }

  updateRoles(practiceId: string, id: string, roles: string[]): Promise<StaffUser> {
    return this.prisma.staffUser.update({ where: { id, practiceId }, data: { roles: roles as never }, select: PUBLIC_FIELDS });
  }

  deactivate(practiceId: string, id: string): Promise<StaffUser> {
    return this.prisma.staffUser.update({ where: { id, practiceId }, data: { active: false }, select: PUBLIC_FIELDS });
  }

  countActiveAdmins(practiceId: string): Promise<number> {
    return this.prisma.staffUser.count({ where: { practiceId, active: true, roles: { has: 'ADMIN' } } });
  }

  /** `emailVerifiedAt` when the new password came through an emailed link (which proves the address). */
  async setPassword(id: string, passwordHash: string, emailVerifiedAt?: Date): Promise<void> {
    await this.prisma.staffUser.update({ where: { id }, data: { passwordHash, failedSignIns: 0, lockedUntil: null, ...(emailVerifiedAt ? { emailVerifiedAt } : {}) } });
  }

  /** Switches the sign-in address to a confirmed one; false when someone already signs in with it. */
  async changeEmail(practiceId: string, id: string, email: string, verifiedAt: Date): Promise<boolean> {
    try {
      const { count } = await this.prisma.staffUser.updateMany({ where: { id, practiceId, active: true }, data: { email, emailVerifiedAt: verifiedAt } });
      return count === 1;
    } catch (error) {
      // The unique index spans practices, which this practice's scope cannot see: it answers for them.
      if ((error as { code?: string }).code === 'P2002') return false;
      throw error;
    }
  }

  /** For the second sign-in step: the same fields as findCredentialsByEmail. */
  findCredentialsById(id: string) {
    // crosses practices (system scope under RLS): the sign-in steps know the user, not yet the practice.
    return this.prisma.staffUser.findFirst({ where: { id }, select: { ...PUBLIC_FIELDS, passwordHash: true, active: true, lockedUntil: true } });
  }

  /** The only read that returns the password hash; used by sign-in alone. */
  findCredentialsByEmail(email: string) {
    // crosses practices (system scope under RLS): sign-in names are unique across practices.
    return this.prisma.staffUser.findFirst({
      where: { email: email.trim().toLowerCase() },
      select: { ...PUBLIC_FIELDS, passwordHash: true, active: true, lockedUntil: true },
    });
  }

  /** Counts a failed sign-in atomically; the fifth in a row locks the account for 15 minutes. */
  async recordFailedSignIn(id: string, maxFailures: number, lockMinutes: number): Promise<Date | null> {
    const [row] = await this.prisma.$queryRaw<Array<{ lockedUntil: Date | null }>>`
      update "StaffUser"
         set "lockedUntil"   = case when "failedSignIns" + 1 >= ${maxFailures} then now() + make_interval(mins => ${lockMinutes}) else "lockedUntil" end,
             "failedSignIns" = case when "failedSignIns" + 1 >= ${maxFailures} then 0 else "failedSignIns" + 1 end
       where "id" = ${id}::uuid
   returning "lockedUntil"`;
    return row?.lockedUntil ?? null;
  }

  async recordSuccessfulSignIn(id: string): Promise<void> {
    await this.prisma.staffUser.update({ where: { id }, data: { failedSignIns: 0, lockedUntil: null } });
  }
}
