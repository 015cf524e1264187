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
      select: { ...PUBLIC_FIELDS, passwordHash: true, active: true },
    });
  }
}
