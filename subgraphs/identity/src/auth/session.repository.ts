import type { PrismaClient } from '@solace/server-kit';

export interface SessionRecord {
  id: string;
  practiceId: string;
  userId: string;
  /** STAFF (userId is a StaffUser id) or CLIENT (a ClientAccount id). */
  subject: 'STAFF' | 'CLIENT';
  expiresAt: Date;
  revokedAt: Date | null;
}

const SESSION_FIELDS = { id: true, practiceId: true, userId: true, subject: true, expiresAt: true, revokedAt: true } as const;

export class SessionRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async create(data: {
    practiceId: string;
    userId: string;
    subject?: 'STAFF' | 'CLIENT';
    expiresAt: Date;
    ip: string | null;
    userAgent: string | null;
    tokenHash: string;
  }): Promise<SessionRecord> {
    const { tokenHash, ...session } = data;
    return this.prisma.authSession.create({
      data: { ...session, tokens: { create: { tokenHash, practiceId: data.practiceId } } },
      select: SESSION_FIELDS,
    });
  }

  findToken(tokenHash: string) {
    // crosses practices (system scope under RLS): a refresh token arrives before the practice is known.
    return this.prisma.refreshToken.findFirst({ where: { tokenHash }, select: { id: true, usedAt: true, session: { select: SESSION_FIELDS } } });
  }

  /** Exchanges a token for the next one; false when another request used it first (a reuse). */
  async rotate(tokenId: string, session: SessionRecord, nextTokenHash: string): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const { count } = await tx.refreshToken.updateMany({ where: { id: tokenId, usedAt: null }, data: { usedAt: new Date() } });
      if (count === 0) return false;
      await tx.authSession.updateMany({ where: { id: session.id }, data: { lastUsedAt: new Date() } });
      await tx.refreshToken.create({ data: { sessionId: session.id, practiceId: session.practiceId, tokenHash: nextTokenHash } });
      return true;
    });
  }

  async revoke(sessionIds: string[], reason: string): Promise<void> {
    await this.prisma.authSession.updateMany({ where: { id: { in: sessionIds }, revokedAt: null }, data: { revokedAt: new Date(), endReason: reason } });
  }

  /** The user's sessions that can still be used, newest first (for the account page). */
  listActive(practiceId: string, userId: string) {
    return this.prisma.authSession.findMany({
      where: { practiceId, userId, revokedAt: null, expiresAt: { gt: new Date() } },
      select: { id: true, createdAt: true, lastUsedAt: true, ip: true, userAgent: true },
      orderBy: { createdAt: 'desc' },
    });
  }

  async activeSessionIds(userId: string): Promise<string[]> {
    const sessions = await this.prisma.authSession.findMany({ where: { userId, revokedAt: null, expiresAt: { gt: new Date() } }, select: { id: true } });
    return sessions.map((s) => s.id);
  }
}
