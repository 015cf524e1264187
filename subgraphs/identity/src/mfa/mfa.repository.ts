import type { PrismaClient } from '@solace/server-kit';

export class MfaRepository {
  constructor(private readonly prisma: PrismaClient) {}

  state(userId: string) {
    return this.prisma.staffUser.findFirst({
      where: { id: userId },
      select: { id: true, practiceId: true, email: true, active: true, lockedUntil: true, mfaSecret: true, mfaPendingSecret: true, mfaEnabledAt: true, mfaLastTimeStep: true },
    });
  }

  /** Whether the user signs in with a passkey (their other kind of second factor). */
  async hasPasskey(userId: string): Promise<boolean> {
    // crosses practices (system scope under RLS): asked at sign-in, before the practice is known.
    return (await this.prisma.passkey.count({ where: { userId } })) > 0;
  }

  async setPendingSecret(userId: string, encryptedSecret: string): Promise<void> {
    await this.prisma.staffUser.update({ where: { id: userId }, data: { mfaPendingSecret: encryptedSecret } });
  }

  /** Turns the pending secret on and replaces the recovery codes, in one transaction. */
  async enable(user: { id: string; practiceId: string }, encryptedSecret: string, timeStep: number, recoveryCodeHashes: string[]): Promise<void> {
    await this.prisma.$transaction([
      this.prisma.staffUser.update({
        where: { id: user.id },
        data: { mfaSecret: encryptedSecret, mfaPendingSecret: null, mfaEnabledAt: new Date(), mfaLastTimeStep: timeStep },
      }),
      this.prisma.mfaRecoveryCode.deleteMany({ where: { userId: user.id } }),
      this.prisma.mfaRecoveryCode.createMany({ data: recoveryCodeHashes.map((codeHash) => ({ userId: user.id, practiceId: user.practiceId, codeHash })) }),
    ]);
  }

  /** Records the accepted time step; false when this or a later code was already used (a replay). */
  async acceptTimeStep(userId: string, timeStep: number): Promise<boolean> {
    const { count } = await this.prisma.staffUser.updateMany({
      where: { id: userId, OR: [{ mfaLastTimeStep: null }, { mfaLastTimeStep: { lt: timeStep } }] },
      data: { mfaLastTimeStep: timeStep },
    });
    return count === 1;
  }

  async useRecoveryCode(userId: string, codeHash: string): Promise<boolean> {
    const { count } = await this.prisma.mfaRecoveryCode.updateMany({ where: { userId, codeHash, usedAt: null }, data: { usedAt: new Date() } });
    return count === 1;
  }
}
