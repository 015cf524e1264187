import { DomainError, type FieldCipher, type PrismaClient } from '@solace/server-kit';
import { fromCalendarDate, toCalendarDate } from '../shared/calendar-date';
import type { ClientInsuranceInput } from './client-insurance.input';
import type { ClientInsurance } from './client-insurance.type';

/** Member ids are PHI identifiers: encrypted at rest; this names the field in the authenticated data. */
export const MEMBER_ID_FIELD = 'ClientInsurance.memberId';

const FIELDS = {
  id: true,
  clientId: true,
  rank: true,
  payerName: true,
  payerId: true,
  memberId: true,
  groupNumber: true,
  subscriberRelationship: true,
  subscriberName: true,
  subscriberDateOfBirth: true,
  effectiveOn: true,
  terminatesOn: true,
} as const;

type Row = Omit<ClientInsurance, 'subscriberDateOfBirth' | 'effectiveOn' | 'terminatesOn'> & {
  subscriberDateOfBirth: Date | null;
  effectiveOn: Date | null;
  terminatesOn: Date | null;
};

const day = (date: Date | null) => date && toCalendarDate(date);
const date = (value: string | null | undefined) => (value ? fromCalendarDate(value) : null);
const text = (value: string | null | undefined) => value?.trim() || null;

export class ClientInsuranceRepository {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly cipher: FieldCipher,
  ) {}

  private toInsurance = (row: Row): ClientInsurance => ({
    ...row,
    memberId: this.cipher.decrypt(row.memberId, MEMBER_ID_FIELD),
    subscriberDateOfBirth: day(row.subscriberDateOfBirth),
    effectiveOn: day(row.effectiveOn),
    terminatesOn: day(row.terminatesOn),
  });

  private columns(input: ClientInsuranceInput) {
    const self = input.subscriberRelationship === 'SELF';
    return {
      rank: input.rank,
      payerName: input.payerName.trim(),
      payerId: text(input.payerId),
      memberId: this.cipher.encrypt(input.memberId.trim().toUpperCase(), MEMBER_ID_FIELD),
      groupNumber: text(input.groupNumber),
      subscriberRelationship: input.subscriberRelationship,
      // The client is the subscriber: their own name and date of birth are on the client record.
      subscriberName: self ? null : text(input.subscriberName),
      subscriberDateOfBirth: self ? null : date(input.subscriberDateOfBirth),
      effectiveOn: date(input.effectiveOn),
      terminatesOn: date(input.terminatesOn),
    };
  }

  async listForClient(practiceId: string, clientId: string): Promise<ClientInsurance[]> {
    const rows = await this.prisma.clientInsurance.findMany({ where: { practiceId, clientId }, select: FIELDS, orderBy: { rank: 'asc' } });
    return rows.map(this.toInsurance);
  }

  async find(practiceId: string, id: string): Promise<ClientInsurance | null> {
    const row = await this.prisma.clientInsurance.findFirst({ where: { practiceId, id }, select: FIELDS });
    return row && this.toInsurance(row);
  }

  async create(practiceId: string, clientId: string, input: ClientInsuranceInput): Promise<ClientInsurance> {
    try {
      const row = await this.prisma.clientInsurance.create({ data: { practiceId, clientId, ...this.columns(input) }, select: FIELDS });
      return this.toInsurance(row);
    } catch (error) {
      throw rankTaken(error, input.rank);
    }
  }

  async update(practiceId: string, id: string, input: ClientInsuranceInput): Promise<ClientInsurance | null> {
    try {
      const { count } = await this.prisma.clientInsurance.updateMany({ where: { practiceId, id }, data: this.columns(input) });
      return count === 0 ? null : this.find(practiceId, id);
    } catch (error) {
      throw rankTaken(error, input.rank);
    }
  }

  async remove(practiceId: string, id: string): Promise<ClientInsurance | null> {
    const existing = await this.find(practiceId, id);
    if (!existing) return null;
    await this.prisma.clientInsurance.deleteMany({ where: { practiceId, id } });
    return existing;
  }
}

/** The unique (clientId, rank) index refused a second primary or secondary policy. */
function rankTaken(error: unknown, rank: string): unknown {
  if ((error as { code?: string }).code !== 'P2002') return error;
  return new DomainError('CONFLICT', `The client already has a ${rank.toLowerCase()} insurance; change or remove it first.`, { details: { reason: 'RANK_TAKEN' }, cause: error });
}
