import type { PrismaClient } from '@solace/server-kit';
import { ClientAccountEmailRepository } from './client-account-email.repository';

export class AccountEmailRepository {
  /** Clients' portal accounts (invitations and sign-in codes). */
  readonly clients: ClientAccountEmailRepository;

  constructor(private readonly prisma: PrismaClient) {
    this.clients = new ClientAccountEmailRepository(prisma);
  }

  findRecipient(practiceId: string, userId: string) {
    return this.prisma.staffUser.findFirst({
      where: { id: userId, practiceId, active: true },
      select: { email: true, displayName: true },
    });
  }

  practiceName(practiceId: string) {
    return this.prisma.practice.findFirst({ where: { id: practiceId }, select: { name: true } });
  }

  /** Stores a new token's hash; earlier unused links of the same purpose stop working. */
  async issueToken(data: { practiceId: string; userId: string; purpose: 'INVITE' | 'RESET' | 'EMAIL_CHANGE'; tokenHash: string; expiresAt: Date; email: string | null }): Promise<void> {
    await this.prisma.$transaction([
      this.prisma.passwordToken.updateMany({
        where: { userId: data.userId, purpose: data.purpose, usedAt: null, expiresAt: { gt: new Date() } },
        data: { expiresAt: new Date() },
      }),
      this.prisma.passwordToken.create({ data }),
    ]);
  }
}
