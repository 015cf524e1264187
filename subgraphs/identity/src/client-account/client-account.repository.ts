import type { PrismaClient } from '@solace/server-kit';
import { PortalAccountStatus, type ClientAccount } from './client-account.type';

const ACCOUNT_FIELDS = { id: true, practiceId: true, clientId: true, email: true, active: true, lastSignInAt: true, createdAt: true } as const;
type AccountRow = { id: string; practiceId: string; clientId: string; email: string; active: boolean; lastSignInAt: Date | null; createdAt: Date };
const TOKEN_FIELDS = { id: true, practiceId: true, accountId: true, codeHash: true } as const;
export type LiveSignInToken = { id: string; practiceId: string; accountId: string; codeHash: string };

/** Wrong codes a sign-in token survives; the fifth burns it. */
export const MAX_CODE_ATTEMPTS = 5;

const toAccount = ({ active, ...row }: AccountRow): ClientAccount => ({ ...row, status: active ? PortalAccountStatus.ACTIVE : PortalAccountStatus.DISABLED });
const normalize = (email: string) => email.trim().toLowerCase();
const live = (now: Date) => ({ usedAt: null, expiresAt: { gt: now }, failedAttempts: { lt: MAX_CODE_ATTEMPTS } });

export class ClientAccountRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** Read-only look at the client record (owned by the patients domain): it must be this practice's. */
  async clientExists(practiceId: string, clientId: string): Promise<boolean> {
    return (await this.prisma.client.count({ where: { id: clientId, practiceId } })) === 1;
  }

  async findByClientId(practiceId: string, clientId: string): Promise<ClientAccount | null> {
    const row = await this.prisma.clientAccount.findFirst({ where: { clientId, practiceId }, select: ACCOUNT_FIELDS });
    return row && toAccount(row);
  }

  async findActive(practiceId: string, id: string): Promise<ClientAccount | null> {
    const row = await this.prisma.clientAccount.findFirst({ where: { id, practiceId, active: true }, select: ACCOUNT_FIELDS });
    return row && toAccount(row);
  }

  /** Active accounts signing in with this address, one per practice at most. */
  findActiveIdsByEmail(email: string): Promise<Array<{ id: string; practiceId: string }>> {
    // crosses practices (system scope under RLS): sign-in starts before the practice is known.
    return this.prisma.clientAccount.findMany({ where: { email: normalize(email), active: true }, select: { id: true, practiceId: true } });
  }

  /**
   * Creates the client's account, or reactivates it with this email; `taken` when another account of
   * the practice uses the email. The caller has checked that the client is this practice's.
   */
  async upsertActive(practiceId: string, clientId: string, email: string): Promise<ClientAccount | 'taken'> {
    const address = normalize(email);
    const emailOwner = await this.prisma.clientAccount.findFirst({ where: { practiceId, email: address }, select: { clientId: true } });
    if (emailOwner && emailOwner.clientId !== clientId) return 'taken';
    const existing = await this.prisma.clientAccount.findFirst({ where: { clientId, practiceId }, select: { id: true } });
    const row = existing
      ? await this.prisma.clientAccount.update({ where: { clientId, practiceId }, data: { email: address, active: true }, select: ACCOUNT_FIELDS })
      : await this.prisma.clientAccount.create({ data: { practiceId, clientId, email: address }, select: ACCOUNT_FIELDS });
    return toAccount(row);
  }

  /** Turns sign-in off and voids the account's unused codes and links. */
  async deactivate(practiceId: string, id: string): Promise<ClientAccount> {
    const [row] = await this.prisma.$transaction([
      this.prisma.clientAccount.update({ where: { id, practiceId }, data: { active: false }, select: ACCOUNT_FIELDS }),
      this.prisma.clientSignInToken.updateMany({ where: { accountId: id, practiceId, usedAt: null }, data: { expiresAt: new Date() } }),
    ]);
    return toAccount(row);
  }

  async recordSignIn(practiceId: string, id: string): Promise<void> {
    await this.prisma.clientAccount.update({ where: { id, practiceId }, data: { lastSignInAt: new Date() } });
  }

  /** The newest usable token of each of these accounts. */
  async liveTokens(accounts: Array<{ id: string; practiceId: string }>, now = new Date()): Promise<LiveSignInToken[]> {
    if (accounts.length === 0) return [];
    const tokens = await this.prisma.clientSignInToken.findMany({
      where: { OR: accounts.map((a) => ({ accountId: a.id, practiceId: a.practiceId })), ...live(now) },
      select: { ...TOKEN_FIELDS, createdAt: true },
      orderBy: { createdAt: 'desc' },
    });
    const newest = new Map<string, LiveSignInToken>();
    for (const { createdAt: _createdAt, ...token } of tokens) if (!newest.has(token.accountId)) newest.set(token.accountId, token);
    return [...newest.values()];
  }

  findLiveByLinkHash(linkTokenHash: string, now = new Date()): Promise<LiveSignInToken | null> {
    // crosses practices (system scope under RLS): a magic link arrives before the practice is known.
    return this.prisma.clientSignInToken.findFirst({ where: { linkTokenHash, ...live(now) }, select: TOKEN_FIELDS });
  }

  /**
   * Spends one of the token's five code attempts before the code is compared, atomically, so
   * parallel guesses cannot outrun the limit; false when none is left (burned), used or expired.
   */
  async claimCodeAttempt(token: LiveSignInToken, now = new Date()): Promise<boolean> {
    const { count } = await this.prisma.clientSignInToken.updateMany({ where: { id: token.id, practiceId: token.practiceId, ...live(now) }, data: { failedAttempts: { increment: 1 } } });
    return count === 1;
  }

  /** Uses the token up after a right code (its attempt already counted) or for its magic link. */
  async markUsed(token: LiveSignInToken, via: 'CODE' | 'LINK', now = new Date()): Promise<boolean> {
    // A right code has spent an attempt itself, so the fifth may still be the right one.
    const attempts = via === 'CODE' ? { failedAttempts: { lte: MAX_CODE_ATTEMPTS } } : {};
    const { count } = await this.prisma.clientSignInToken.updateMany({
      where: { id: token.id, practiceId: token.practiceId, ...live(now), ...attempts },
      data: { usedAt: now, ...(via === 'CODE' ? { failedAttempts: { decrement: 1 } } : {}) },
    });
    return count === 1;
  }
}
