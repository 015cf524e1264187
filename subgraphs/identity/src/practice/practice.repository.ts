import type { PrismaClient } from '@solace/server-kit';
import type { Practice, PracticeAddress } from './practice.type';

const FIELDS = {
  id: true,
  name: true,
  timeZone: true,
  staffMfaRequired: true,
  phone: true,
  email: true,
  addressLine1: true,
  addressLine2: true,
  addressCity: true,
  addressState: true,
  addressPostalCode: true,
  npi: true,
  taxId: true,
} as const;

/** What an update writes: undefined leaves a field alone, null clears it. */
export interface PracticeChanges {
  name: string;
  timeZone: string;
  phone?: string | null;
  email?: string | null;
  address?: PracticeAddress | null;
  npi?: string | null;
  /** Nine digits, no dash. */
  taxId?: string | null;
}

type Row = { [K in keyof typeof FIELDS]: K extends 'staffMfaRequired' ? boolean : K extends 'id' | 'name' | 'timeZone' ? string : string | null };

function toPractice(row: Row): Practice {
  const { addressLine1, addressLine2, addressCity, addressState, addressPostalCode, taxId, ...rest } = row;
  const address = addressLine1 && addressCity && addressState && addressPostalCode ? { line1: addressLine1, line2: addressLine2, city: addressCity, state: addressState, postalCode: addressPostalCode } : null;
  return { ...rest, address, taxId: taxId ? `${taxId.slice(0, 2)}-${taxId.slice(2)}` : null };
}

function addressColumns(address: PracticeAddress | null | undefined) {
  if (address === undefined) return {};
  return {
    addressLine1: address?.line1 ?? null,
    addressLine2: address?.line2 ?? null,
    addressCity: address?.city ?? null,
    addressState: address?.state ?? null,
    addressPostalCode: address?.postalCode ?? null,
  };
}

export class PracticeRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async findById(id: string): Promise<Practice | null> {
    const row = await this.prisma.practice.findFirst({ where: { id }, select: FIELDS });
    return row && toPractice(row);
  }

  async update(id: string, changes: PracticeChanges): Promise<Practice> {
    const { address, ...plain } = changes;
    const row = await this.prisma.practice.update({ where: { id }, data: { ...plain, ...addressColumns(address) }, select: FIELDS });
    return toPractice(row);
  }

  async setStaffMfaRequired(id: string, required: boolean): Promise<Practice> {
    return toPractice(await this.prisma.practice.update({ where: { id }, data: { staffMfaRequired: required }, select: FIELDS }));
  }
}
