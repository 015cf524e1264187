import type { PrismaClient } from '@solace/server-kit';
import type { StaffUser } from './staff-user.type';

const PUBLIC_FIELDS = { id: true, practiceId: true, displayName: true, email: true, roles: true } as const;

export class StaffUserRepository {
  constructor(private readonly prisma: PrismaClient) {}

  findInPractice(practiceId: string, id: string): Promise<StaffUser | null> {
    return this.prisma.staffUser.findFirst({ where: { id, practiceId, active: true }, select: PUBLIC_FIELDS });
  }

  listInPractice(practiceId: string): Promise<StaffUser[]> {
    return this.prisma.staffUser.findMany({ where: { practiceId, active: true }, select: PUBLIC_FIELDS, orderBy: { displayName: 'asc' } });
  }

  /** The only read that returns the password hash; used by sign-in alone. */
  findCredentialsByEmail(email: string) {
    return this.prisma.staffUser.findUnique({
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

  async recordSuccessfulSignIn(id: string, newPasswordHash?: string): Promise<void> {
    await this.prisma.staffUser.update({ where: { id }, data: { failedSignIns: 0, lockedUntil: null, ...(newPasswordHash ? { passwordHash: newPasswordHash } : {}) } });
  }
}
