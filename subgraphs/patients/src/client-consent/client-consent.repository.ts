import type { PrismaClient } from '@solace/server-kit';
import type { ConsentKind } from './client-consent.type';

const FIELDS = { id: true, clientId: true, kind: true, signedAt: true, expiresAt: true, signedByName: true, revokedAt: true } as const;

export interface ConsentRow {
  id: string;
  clientId: string;
  kind: ConsentKind;
  signedAt: Date;
  expiresAt: Date | null;
  signedByName: string;
  revokedAt: Date | null;
}

export class ClientConsentRepository {
  constructor(private readonly prisma: PrismaClient) {}

  listForClient(practiceId: string, clientId: string): Promise<ConsentRow[]> {
    return this.prisma.clientConsent.findMany({ where: { practiceId, clientId }, select: FIELDS, orderBy: [{ signedAt: 'desc' }, { createdAt: 'desc' }] });
  }

  find(practiceId: string, id: string): Promise<ConsentRow | null> {
    return this.prisma.clientConsent.findFirst({ where: { practiceId, id }, select: FIELDS });
  }

  create(practiceId: string, clientId: string, data: Omit<ConsentRow, 'id' | 'clientId' | 'revokedAt'>): Promise<ConsentRow> {
    return this.prisma.clientConsent.create({ data: { practiceId, clientId, ...data }, select: FIELDS });
  }

  /** Revokes once; a second call keeps the first revocation time. */
  async revoke(practiceId: string, id: string, now: Date): Promise<ConsentRow | null> {
    await this.prisma.clientConsent.updateMany({ where: { practiceId, id, revokedAt: null }, data: { revokedAt: now } });
    return this.find(practiceId, id);
  }
}
