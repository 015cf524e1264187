import type { PrismaClient } from '@solace/server-kit';
import type { Client } from './client.type';
import type { CreateClientInput } from './client.input';

const FIELDS = { id: true, firstName: true, lastName: true, dateOfBirth: true, email: true, phone: true, status: true } as const;

type Row = { dateOfBirth: Date } & Omit<Client, 'dateOfBirth'>;
const toClient = (row: Row): Client => ({ ...row, dateOfBirth: row.dateOfBirth.toISOString().slice(0, 10) });

export class ClientRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async findInPractice(practiceId: string, id: string): Promise<Client | null> {
    const row = await this.prisma.client.findFirst({ where: { id, practiceId }, select: FIELDS });
    return row && toClient(row);
  }

  async findManyInPractice(practiceId: string, ids: readonly string[]): Promise<Client[]> {
    const rows = await this.prisma.client.findMany({ where: { id: { in: [...ids] }, practiceId }, select: FIELDS });
    return rows.map(toClient);
  }

  async listInPractice(practiceId: string, search: string | undefined, limit: number): Promise<Client[]> {
    const term = search?.trim();
    const rows = await this.prisma.client.findMany({
      where: {
        practiceId,
        ...(term ? { OR: [{ firstName: { contains: term, mode: 'insensitive' } }, { lastName: { contains: term, mode: 'insensitive' } }] } : {}),
      },
      select: FIELDS,
      orderBy: [{ lastName: 'asc' }, { firstName: 'asc' }],
      take: limit,
    });
    return rows.map(toClient);
  }

  async create(practiceId: string, input: CreateClientInput): Promise<Client> {
    const row = await this.prisma.client.create({
      data: {
        practiceId,
        firstName: input.firstName.trim(),
        lastName: input.lastName.trim(),
        dateOfBirth: new Date(`${input.dateOfBirth}T00:00:00Z`),
        email: input.email?.trim().toLowerCase() || null,
        phone: input.phone?.trim() || null,
      },
      select: FIELDS,
    });
    return toClient(row);
  }
}
