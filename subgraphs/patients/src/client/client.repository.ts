import type { PrismaClient } from '@solace/server-kit';
import type { Client } from './client.type';
import type { ClientDetailsInput, CreateClientInput, UpdateClientInput } from './client.input';

export const CLIENT_FIELDS = {
  id: true,
  firstName: true,
  lastName: true,
  preferredName: true,
  pronouns: true,
  genderIdentity: true,
  sexAssignedAtBirth: true,
  dateOfBirth: true,
  email: true,
  phone: true,
  addressLine1: true,
  addressLine2: true,
  addressCity: true,
  addressState: true,
  addressPostalCode: true,
  emergencyContactName: true,
  emergencyContactRelationship: true,
  emergencyContactPhone: true,
  referringProviderName: true,
  referringProviderNpi: true,
  referringProviderPhone: true,
  tags: true,
  reminderEmail: true,
  reminderSms: true,
  status: true,
  dischargedOn: true,
} as const;

export type ClientRow = NonNullable<Awaited<ReturnType<PrismaClient['client']['findFirst']>>>;
type SelectedRow = Pick<ClientRow, keyof typeof CLIENT_FIELDS>;

const day = (date: Date) => date.toISOString().slice(0, 10);
const toDate = (value: string) => new Date(`${value}T00:00:00Z`);

export function toClient(row: SelectedRow): Client {
  return {
    id: row.id,
    firstName: row.firstName,
    lastName: row.lastName,
    preferredName: row.preferredName,
    pronouns: row.pronouns,
    genderIdentity: row.genderIdentity,
    sexAssignedAtBirth: row.sexAssignedAtBirth,
    dateOfBirth: day(row.dateOfBirth),
    email: row.email,
    phone: row.phone,
    address: row.addressLine1
      ? { line1: row.addressLine1, line2: row.addressLine2, city: row.addressCity ?? '', state: row.addressState ?? '', postalCode: row.addressPostalCode ?? '' }
      : null,
    emergencyContact: row.emergencyContactName
      ? { name: row.emergencyContactName, relationship: row.emergencyContactRelationship ?? '', phone: row.emergencyContactPhone ?? '' }
      : null,
    referringProvider: row.referringProviderName
      ? { name: row.referringProviderName, npi: row.referringProviderNpi, phone: row.referringProviderPhone }
      : null,
    tags: row.tags,
    reminderEmail: row.reminderEmail,
    reminderSms: row.reminderSms,
    status: row.status,
    dischargedOn: row.dischargedOn && day(row.dischargedOn),
  };
}

/** Lowercase, single-spaced, without duplicates, in the order given. */
export const normaliseTags = (tags: readonly string[]) => [...new Set(tags.map((tag) => tag.trim().replace(/\s+/g, ' ').toLowerCase()).filter(Boolean))];
const text = (value: string | null | undefined) => value?.trim() || null;

/** The columns an input sets: a key left out of the input is left out here, so an update is partial. */
function detailColumns(input: ClientDetailsInput) {
  const data: Record<string, unknown> = {};
  const set = (key: keyof ClientDetailsInput, apply: () => void) => {
    if (input[key] !== undefined) apply();
  };
  set('email', () => (data.email = input.email?.trim().toLowerCase() || null));
  set('phone', () => (data.phone = text(input.phone)));
  set('preferredName', () => (data.preferredName = text(input.preferredName)));
  set('pronouns', () => (data.pronouns = text(input.pronouns)));
  set('genderIdentity', () => (data.genderIdentity = text(input.genderIdentity)));
  set('sexAssignedAtBirth', () => (data.sexAssignedAtBirth = input.sexAssignedAtBirth ?? null));
  set('address', () => {
    const a = input.address;
    Object.assign(data, {
      addressLine1: text(a?.line1),
      addressLine2: text(a?.line2),
      addressCity: text(a?.city),
      addressState: text(a?.state),
      addressPostalCode: a ? a.postalCode.trim().toUpperCase() : null,
    });
  });
  set('emergencyContact', () => {
    const e = input.emergencyContact;
    Object.assign(data, { emergencyContactName: text(e?.name), emergencyContactRelationship: text(e?.relationship), emergencyContactPhone: text(e?.phone) });
  });
  set('referringProvider', () => {
    const r = input.referringProvider;
    Object.assign(data, { referringProviderName: text(r?.name), referringProviderNpi: text(r?.npi), referringProviderPhone: text(r?.phone) });
  });
  set('tags', () => (data.tags = normaliseTags(input.tags ?? [])));
  set('reminderEmail', () => (data.reminderEmail = input.reminderEmail));
  set('reminderSms', () => (data.reminderSms = input.reminderSms));
  return data;
}

export class ClientRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async findInPractice(practiceId: string, id: string): Promise<Client | null> {
    const row = await this.prisma.client.findFirst({ where: { id, practiceId }, select: CLIENT_FIELDS });
    return row && toClient(row);
  }

  /** The stored row, for checks an update needs (erased? phone on record? discharged?). */
  findState(practiceId: string, id: string) {
    return this.prisma.client.findFirst({ where: { id, practiceId }, select: { id: true, phone: true, status: true, dischargedOn: true, erasedAt: true } });
  }

  async findManyInPractice(practiceId: string, ids: readonly string[]): Promise<Client[]> {
    const rows = await this.prisma.client.findMany({ where: { id: { in: [...ids] }, practiceId }, select: CLIENT_FIELDS });
    return rows.map(toClient);
  }

  async listInPractice(practiceId: string, search: string | undefined, limit: number, status?: Client['status']): Promise<Client[]> {
    const term = search?.trim();
    const rows = await this.prisma.client.findMany({
      where: {
        practiceId,
        ...(status ? { status } : {}),
        ...(term ? { OR: [{ firstName: { contains: term, mode: 'insensitive' } }, { lastName: { contains: term, mode: 'insensitive' } }] } : {}),
      },
      select: CLIENT_FIELDS,
      orderBy: [{ lastName: 'asc' }, { firstName: 'asc' }],
      take: limit,
    });
    return rows.map(toClient);
  }

  async create(practiceId: string, input: CreateClientInput): Promise<Client> {
    const row = await this.prisma.client.create({
      data: {
        ...detailColumns(input),
        practiceId,
        firstName: input.firstName.trim(),
        lastName: input.lastName.trim(),
        dateOfBirth: toDate(input.dateOfBirth),
      },
      select: CLIENT_FIELDS,
    });
    return toClient(row);
  }

  /** Applies a partial update; `dischargedOn` is decided by the service (it follows the status). */
  async update(practiceId: string, id: string, input: UpdateClientInput, dischargedOn: string | null | undefined): Promise<Client | null> {
    const data: Record<string, unknown> = detailColumns(input);
    if (input.firstName !== undefined) data.firstName = input.firstName.trim();
    if (input.lastName !== undefined) data.lastName = input.lastName.trim();
    if (input.dateOfBirth !== undefined) data.dateOfBirth = toDate(input.dateOfBirth);
    if (input.status !== undefined) data.status = input.status;
    if (dischargedOn !== undefined) data.dischargedOn = dischargedOn === null ? null : toDate(dischargedOn);
    const { count } = await this.prisma.client.updateMany({ where: { id, practiceId, erasedAt: null }, data });
    return count === 0 ? null : this.findInPractice(practiceId, id);
  }
}
