import type { PrismaClient } from '@solace/server-kit';

/** What the account-emails worker reads and writes for clients' portal emails. */
export class ClientAccountEmailRepository {
  constructor(private readonly prisma: PrismaClient) {}

  findActiveAccount(practiceId: string, accountId: string) {
    return this.prisma.clientAccount.findFirst({ where: { id: accountId, practiceId, active: true }, select: { id: true, email: true } });
  }

  /** Stores a new sign-in token's hashes; the account's earlier unused tokens stop working. */
  async issueToken(data: { id: string; practiceId: string; accountId: string; codeHash: string; linkTokenHash: string; expiresAt: Date }): Promise<void> {
    await this.prisma.$transaction([
      this.prisma.clientSignInToken.updateMany({
        where: { accountId: data.accountId, practiceId: data.practiceId, usedAt: null, expiresAt: { gt: new Date() } },
        data: { expiresAt: new Date() },
      }),
      this.prisma.clientSignInToken.create({ data }),
    ]);
  }
}
