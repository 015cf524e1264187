import type { PrismaClient } from '@solace/server-kit';

export class PasswordTokenRepository {
  constructor(private readonly prisma: PrismaClient) {}

  findByHash(tokenHash: string) {
    // crosses practices (system scope under RLS): an emailed link arrives before the practice is known.
    return this.prisma.passwordToken.findFirst({ where: { tokenHash }, select: { id: true, userId: true, practiceId: true, purpose: true, email: true, expiresAt: true, usedAt: true } });
  }

  /** Uses the token up; false when it was already used (two tabs, a replayed link). */
  async markUsed(id: string): Promise<boolean> {
    const { count } = await this.prisma.passwordToken.updateMany({ where: { id, usedAt: null }, data: { usedAt: new Date() } });
    return count === 1;
  }
}
