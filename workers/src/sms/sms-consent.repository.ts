import { PrismaTypes, type PrismaClient } from '@solace/server-kit';

const { Prisma } = PrismaTypes;

export type SmsConsentSource = 'INBOUND_KEYWORD' | 'UNSUBSCRIBED_ERROR';

export interface SmsConsentChange {
  /** E.164, as Twilio names the number. */
  phone: string;
  optedIn: boolean;
  source: SmsConsentSource;
  keyword?: string | null;
  providerMessageId?: string | null;
}

/** Client.reminderSms as the carrier reports it (STOP/START replies, 21610 refusals), with its history. */
export class SmsConsentRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /**
   * The practices with a client at this number. Runs as the tables' owner (migration
   * 20261203010000_sms_replies_and_receipts) because a text names no practice; it returns ids only.
   */
  async practicesForPhone(e164: string): Promise<string[]> {
    const rows = await this.prisma.$queryRaw<Array<{ id: string }>>`SELECT solace_sms_practices_for_phone(${e164.replace(/\D/g, '')}) AS "id"`;
    return rows.map((row) => row.id);
  }

  /**
   * The practice's clients this change would switch: at this number, not already switched, not
   * already changed by this same text (a replayed webhook), and, for switching on, only clients
   * whose texts Solace itself switched off on the carrier's word (their latest history row is an
   * opt-out) — never clients who had not chosen texts or whom staff switched off.
   */
  async changeable(practiceId: string, change: SmsConsentChange, db: Pick<PrismaClient, '$queryRaw' | 'smsConsentEvent'> = this.prisma, lock = false): Promise<string[]> {
    const digits = change.phone.replace(/\D/g, '');
    const sid = change.providerMessageId ?? null;
    const candidates = await db.$queryRaw<Array<{ id: string }>>`
      SELECT c."id" FROM "Client" c
      WHERE c."practiceId" = ${practiceId}::uuid AND c."reminderSms" = ${!change.optedIn} AND c."erasedAt" IS NULL
        AND solace_phone_e164_digits(c."phone") = ${digits}
        AND NOT EXISTS (SELECT 1 FROM "SmsConsentEvent" e WHERE e."clientId" = c."id" AND e."providerMessageId" = ${sid})
      ORDER BY c."id" ${lock ? Prisma.sql`FOR UPDATE OF c` : Prisma.empty}`;
    const ids = candidates.map((row) => row.id);
    if (!change.optedIn || ids.length === 0) return ids;
    const latest = await db.smsConsentEvent.findMany({
      where: { practiceId, clientId: { in: ids } },
      orderBy: [{ clientId: 'asc' }, { occurredAt: 'desc' }],
      distinct: ['clientId'],
      select: { clientId: true, optedIn: true },
    });
    return latest.filter((event) => !event.optedIn).map((event) => event.clientId);
  }

  /** In the practice's own scope: switches reminderSms for the changeable clients (locked) and writes one history row each. */
  switchReminderSms(practiceId: string, change: SmsConsentChange): Promise<string[]> {
    return this.prisma.$transaction(async (tx) => {
      const ids = await this.changeable(practiceId, change, tx, true);
      if (ids.length === 0) return [];
      await tx.client.updateMany({ where: { practiceId, id: { in: ids } }, data: { reminderSms: change.optedIn } });
      await tx.smsConsentEvent.createMany({
        data: ids.map((clientId) => ({
          practiceId,
          clientId,
          phone: change.phone,
          optedIn: change.optedIn,
          source: change.source,
          keyword: change.keyword ?? null,
          providerMessageId: change.providerMessageId ?? null,
        })),
      });
      return ids;
    });
  }

  /** A client's SMS consent history, newest first. */
  historyOf(practiceId: string, clientId: string) {
    return this.prisma.smsConsentEvent.findMany({
      where: { practiceId, clientId },
      orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
      take: 100,
      select: { optedIn: true, source: true, keyword: true, occurredAt: true },
    });
  }
}
