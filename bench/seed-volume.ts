// Realistic volume for benchmarks: one practice with 10 clinicians, 2,000 clients and 20,000
// appointments (8 a day per clinician over 250 days, never overlapping).
import { createPrismaClient, hashPassword } from '@solace/server-kit';
import { randomUUID } from 'node:crypto';

export interface BenchPractice {
  practiceId: string;
  clinicianIds: string[];
  busiestDay: Date;
}

export async function seedVolume(databaseUrl: string, appointmentCount = 20_000): Promise<BenchPractice> {
  const prisma = createPrismaClient(databaseUrl);
  try {
    const practice = await prisma.practice.create({ data: { name: `Bench practice ${randomUUID().slice(0, 6)}`, timeZone: 'America/New_York' } });
    const passwordHash = await hashPassword(randomUUID());
    const clinicians = await prisma.staffUser.createManyAndReturn({
      data: Array.from({ length: 10 }, (_, i) => ({
        practiceId: practice.id,
        email: `bench-${randomUUID()}@bench.solace.test`,
        displayName: `Clinician ${i + 1}`,
        passwordHash,
        roles: ['CLINICIAN' as const],
      })),
      select: { id: true },
    });
    const clients = await prisma.client.createManyAndReturn({
      data: Array.from({ length: 2000 }, (_, i) => ({
        practiceId: practice.id,
        firstName: `First${i}`,
        lastName: `Last${i}`,
        dateOfBirth: new Date(Date.UTC(1960 + (i % 50), i % 12, 1 + (i % 28))),
        email: `client${i}@bench.solace.test`,
      })),
      select: { id: true },
    });
    const start = Date.UTC(2026, 0, 5, 13, 0);
    const perDay = 8 * clinicians.length;
    const rows = Array.from({ length: appointmentCount }, (_, i) => {
      const day = Math.floor(i / perDay);
      const clinician = clinicians[i % clinicians.length]!;
      const slot = Math.floor((i % perDay) / clinicians.length);
      const startsAt = new Date(start + day * 86_400_000 + slot * 3_600_000);
      return {
        practiceId: practice.id,
        clinicianId: clinician.id,
        clientId: clients[i % clients.length]!.id,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 50 * 60_000),
        status: 'SCHEDULED' as const,
      };
    });
    for (let i = 0; i < rows.length; i += 2000) await prisma.appointment.createMany({ data: rows.slice(i, i + 2000) });
    return { practiceId: practice.id, clinicianIds: clinicians.map((c) => c.id), busiestDay: new Date(start) };
  } finally {
    await prisma.$disconnect();
  }
}
