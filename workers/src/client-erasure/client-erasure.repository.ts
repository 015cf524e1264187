import type { PrismaClient } from '@solace/server-kit';

/** The erasure steps outside the patients domain, each safe to repeat. */
export class ClientErasureRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** Only clients whose record was erased are processed (the job may outlive a mistake elsewhere). */
  async isErased(practiceId: string, clientId: string): Promise<boolean> {
    return (await this.prisma.client.count({ where: { practiceId, id: clientId, erasedAt: { not: null } } })) === 1;
  }

  /** Deletes the portal account and its sign-in tokens; ends its sessions. Returns the sessions ended. */
  async removePortalAccount(practiceId: string, clientId: string, now: Date): Promise<string[]> {
    return this.prisma.$transaction(async (tx) => {
      const account = await tx.clientAccount.findFirst({ where: { practiceId, clientId }, select: { id: true } });
      if (!account) return [];
      const sessions = await tx.authSession.findMany({ where: { practiceId, subject: 'CLIENT', userId: account.id, revokedAt: null }, select: { id: true } });
      await tx.authSession.updateMany({ where: { id: { in: sessions.map((s) => s.id) } }, data: { revokedAt: now, endReason: 'CLIENT_ERASED' } });
      await tx.clientSignInToken.deleteMany({ where: { practiceId, accountId: account.id } });
      await tx.clientAccount.delete({ where: { id: account.id } });
      return sessions.map((s) => s.id);
    });
  }

  /** Cancels visits still to come; returns their ids so their reminders can go too. */
  async cancelFutureAppointments(practiceId: string, clientId: string, now: Date): Promise<string[]> {
    const upcoming = await this.prisma.appointment.findMany({ where: { practiceId, clientId, status: 'SCHEDULED', startsAt: { gt: now } }, select: { id: true } });
    const ids = upcoming.map((a) => a.id);
    if (ids.length > 0) await this.prisma.appointment.updateMany({ where: { practiceId, id: { in: ids } }, data: { status: 'CANCELLED', cancelReason: 'OTHER', cancelledAt: now } });
    return ids;
  }

  /** Takes the client off the waitlist; an open offer closes (its hold lapses on its own). */
  async leaveWaitlist(practiceId: string, clientId: string, now: Date): Promise<void> {
    await this.prisma.$transaction([
      this.prisma.waitlistOffer.updateMany({ where: { practiceId, status: 'PENDING', entry: { clientId } }, data: { status: 'LAPSED', respondedAt: now } }),
      this.prisma.waitlistEntry.updateMany({ where: { practiceId, clientId, status: 'ACTIVE' }, data: { status: 'REMOVED' } }),
    ]);
  }
}
