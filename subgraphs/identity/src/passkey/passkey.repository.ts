import type { PrismaClient } from '@solace/server-kit';
import type { Passkey } from './passkey.type';

const PUBLIC_FIELDS = { id: true, name: true, backedUp: true, createdAt: true, lastUsedAt: true } as const;

export interface StoredCredential {
  id: string;
  practiceId: string;
  userId: string;
  credentialId: string;
  publicKey: Uint8Array<ArrayBuffer>;
  counter: number;
  transports: string[];
}

export class PasskeyRepository {
  constructor(private readonly prisma: PrismaClient) {}

  listForUser(practiceId: string, userId: string): Promise<Passkey[]> {
    return this.prisma.passkey.findMany({ where: { practiceId, userId }, select: PUBLIC_FIELDS, orderBy: { createdAt: 'asc' } });
  }

  credentialIdsForUser(practiceId: string, userId: string) {
    return this.prisma.passkey.findMany({ where: { practiceId, userId }, select: { credentialId: true, transports: true } });
  }

  /** null when the credential is already registered (to anyone: credential ids are unique). */
  async create(data: { practiceId: string; userId: string; credentialId: string; publicKey: Uint8Array; counter: number; transports: string[]; deviceType: string; backedUp: boolean; name: string }): Promise<Passkey | null> {
    try {
      return await this.prisma.passkey.create({ data: { ...data, publicKey: Buffer.from(data.publicKey), counter: BigInt(data.counter) }, select: PUBLIC_FIELDS });
    } catch (error) {
      if ((error as { code?: string }).code === 'P2002') return null;
      throw error;
    }
  }

  /** At passkey sign-in the practice is not known yet: the caller runs in the system scope. */
  async findByCredentialId(credentialId: string): Promise<StoredCredential | null> {
    // crosses practices (system scope under RLS): the credential tells us whose passkey it is.
    const row = await this.prisma.passkey.findFirst({
      where: { credentialId },
      select: { id: true, practiceId: true, userId: true, credentialId: true, publicKey: true, counter: true, transports: true },
    });
    return row && { ...row, publicKey: Uint8Array.from(row.publicKey), counter: Number(row.counter) };
  }

  /** Records a use; false when another sign-in moved the counter meanwhile (a cloned authenticator or a race). */
  async recordUse(credential: StoredCredential, newCounter: number, at: Date): Promise<boolean> {
    const { count } = await this.prisma.passkey.updateMany({
      where: { id: credential.id, practiceId: credential.practiceId, counter: BigInt(credential.counter) },
      data: { counter: BigInt(newCounter), lastUsedAt: at },
    });
    return count === 1;
  }

  async rename(practiceId: string, userId: string, id: string, name: string): Promise<Passkey | null> {
    const { count } = await this.prisma.passkey.updateMany({ where: { practiceId, userId, id }, data: { name } });
    return count === 1 ? this.prisma.passkey.findFirst({ where: { id }, select: PUBLIC_FIELDS }) : null;
  }

  async delete(practiceId: string, userId: string, id: string): Promise<boolean> {
    const { count } = await this.prisma.passkey.deleteMany({ where: { practiceId, userId, id } });
    return count === 1;
  }
}
