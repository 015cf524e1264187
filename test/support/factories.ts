// Factories for integration tests: each call makes unique data, so tests never share rows and need
// no global truncation (HOUSE-STYLE rule 6).
import { randomUUID } from 'node:crypto';
import { createPrismaClient, hashPassword, type PrismaClient, type RoleName } from '@solace/server-kit';

let shared: PrismaClient | undefined;
export function testPrisma(): PrismaClient {
  shared ??= createPrismaClient(process.env.DATABASE_OWNER_URL!, { poolSize: 4 });
  return shared;
}

/** A practice; two-step verification is optional unless asked for (its own tests turn it on). */
export async function createTestPractice(prisma = testPrisma(), overrides: { timeZone?: string; staffMfaRequired?: boolean } = {}) {
  return prisma.practice.create({
    data: { name: `Practice ${randomUUID().slice(0, 8)}`, timeZone: overrides.timeZone ?? 'America/New_York', staffMfaRequired: overrides.staffMfaRequired ?? false },
  });
}

export const TEST_PASSWORD = 'Correct-horse-battery-9';

export async function createTestStaff(
  practice: { id: string },
  overrides: { roles?: RoleName[]; displayName?: string; password?: string } = {},
  prisma = testPrisma(),
) {
  return prisma.staffUser.create({
    data: {
      practiceId: practice.id,
      email: `staff-${randomUUID()}@test.solace.test`,
      displayName: overrides.displayName ?? 'Dr. Test Clinician',
      passwordHash: await hashPassword(overrides.password ?? TEST_PASSWORD),
      roles: (overrides.roles ?? ['CLINICIAN']) as never,
    },
  });
}

/**
 * A client with informed and telehealth consent on file (signed today, informed consent for a
 * year unless `consentUntil`), so follow-up bookings pass the consent rules; `consents: false` for
 * a client without.
 */
export async function createTestClient(
  practice: { id: string },
  overrides: { firstName?: string; email?: string | null; dateOfBirth?: Date; consents?: boolean; consentUntil?: Date } = {},
  prisma = testPrisma(),
) {
  const signedAt = new Date();
  const consents = [
    { practiceId: practice.id, kind: 'INFORMED_CONSENT' as const, signedAt, expiresAt: overrides.consentUntil ?? new Date(signedAt.getTime() + 365 * 86_400_000), signedByName: 'Client' },
    { practiceId: practice.id, kind: 'TELEHEALTH' as const, signedAt, signedByName: 'Client' },
  ];
  return prisma.client.create({
    data: {
      practiceId: practice.id,
      firstName: overrides.firstName ?? 'Dana',
      lastName: `Client-${randomUUID().slice(0, 6)}`,
      dateOfBirth: overrides.dateOfBirth ?? new Date('1990-04-12'),
      email: overrides.email === undefined ? `client-${randomUUID()}@test.solace.test` : overrides.email,
      ...(overrides.consents === false ? {} : { consents: { create: consents } }),
    },
  });
}

export async function createTestAppointment(
  practice: { id: string },
  client: { id: string },
  clinician: { id: string },
  overrides: { startsAt?: Date; minutes?: number; status?: 'SCHEDULED' | 'COMPLETED' | 'NO_SHOW' | 'CANCELLED' | 'CHECKED_IN' } = {},
  prisma = testPrisma(),
) {
  const startsAt = overrides.startsAt ?? new Date(Date.now() + 72 * 3600_000);
  return prisma.appointment.create({
    data: {
      practiceId: practice.id,
      clientId: client.id,
      clinicianId: clinician.id,
      startsAt,
      endsAt: new Date(startsAt.getTime() + (overrides.minutes ?? 50) * 60_000),
      status: overrides.status ?? 'SCHEDULED',
    },
  });
}
