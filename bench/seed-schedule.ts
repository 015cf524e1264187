// Volume for `npm run bench:schedule`: a practice group of 50 clinicians, 50,000 clients and 200,000
// appointments (8 a day per clinician, about 250 working days back and 250 ahead), never
// overlapping for a clinician or a client. Written with createMany as the tables' owner.
import { createPrismaClient, hashPassword } from '@solace/server-kit';
import { randomUUID } from 'node:crypto';

const FIRST = ['Dana', 'Jordan', 'Alex', 'Priya', 'Marcus', 'Elena', 'Noah', 'Aisha', 'Liam', 'Sofia', 'Mateo', 'Hannah', 'Kenji', 'Zoe', 'Omar', 'Grace', 'Diego', 'Mei', 'Ethan', 'Amara', 'Lucas', 'Nora', 'Isaac', 'Leila', 'Samuel', 'Ruth', 'Felix', 'Ivy', 'Hugo', 'Chloe'];
const LAST = ['Reyes', 'Kim', 'Morgan', 'Shah', 'Bell', 'Rossi', 'Fischer', 'Bello', 'Walsh', 'Costa', 'Silva', 'Berg', 'Tanaka', 'Hughes', 'Haddad', 'Lee', 'Ortiz', 'Chen', 'Brooks', 'Nwosu', 'Novak', 'Larsen', 'Dubois', 'Okafor', 'Patel', 'Murphy', 'Schmidt', 'Moreau', 'Yamada', 'Kowalski', 'Garcia', 'Nguyen', 'Cohen', 'Ivanova', 'Jensen', 'Rahman', 'Santos', 'Weber', 'Kaur', 'Mensah'];

export interface SchedulePractice {
  practiceId: string;
  clinicianIds: string[];
  /** Monday 00:00 UTC of the first seeded week. */
  firstMonday: Date;
  weeks: number;
  /** Names as staff would type them: real ones, and with a typo. */
  searchTerms: string[];
  /** A 50-minute service every clinician offers (weekdays 08:00–18:00 New York time). */
  serviceId: string;
}

export async function seedSchedule(databaseUrl: string, sizes = { clinicians: 50, clients: 50_000, appointments: 200_000 }): Promise<SchedulePractice> {
  const prisma = createPrismaClient(databaseUrl, { poolSize: 4 });
  try {
    const practice = await prisma.practice.create({ data: { name: `Bench group ${randomUUID().slice(0, 6)}`, timeZone: 'America/New_York', staffMfaRequired: false } });
    const passwordHash = await hashPassword(randomUUID());
    const clinicians = await prisma.staffUser.createManyAndReturn({
      data: Array.from({ length: sizes.clinicians }, (_, i) => ({ practiceId: practice.id, email: `bench-${randomUUID()}@group.solace.test`, displayName: `Clinician ${i + 1}`, passwordHash, roles: ['CLINICIAN' as const] })),
      select: { id: true },
    });
    const clientIds: string[] = [];
    for (let offset = 0; offset < sizes.clients; offset += 5000) {
      const batch = await prisma.client.createManyAndReturn({
        data: Array.from({ length: Math.min(5000, sizes.clients - offset) }, (_, j) => {
          const i = offset + j;
          return {
            practiceId: practice.id,
            firstName: FIRST[i % FIRST.length]!,
            lastName: LAST[Math.floor(i / FIRST.length) % LAST.length]!,
            dateOfBirth: new Date(Date.UTC(1950 + (i % 60), i % 12, 1 + (i % 28))),
            email: `client${i}@group.solace.test`,
            phone: `+1 555 ${String(i).padStart(7, '0')}`,
          };
        }),
        select: { id: true },
      });
      clientIds.push(...batch.map((c) => c.id));
    }
    // Weekdays only, 8 sessions a day per clinician; a slot's 50 sessions go to 50 different clients.
    const perDay = 8 * clinicians.length;
    const days = Math.ceil(sizes.appointments / perDay);
    const today = new Date();
    const firstMonday = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - today.getUTCDay() + 1 - 7 * Math.ceil(days / 10)));
    const workday = (n: number) => new Date(firstMonday.getTime() + (Math.floor(n / 5) * 7 + (n % 5)) * 86_400_000);
    for (let offset = 0; offset < sizes.appointments; offset += 5000) {
      const data = Array.from({ length: Math.min(5000, sizes.appointments - offset) }, (_, j) => {
        const i = offset + j;
        const day = Math.floor(i / perDay);
        const slot = Math.floor((i % perDay) / clinicians.length);
        const startsAt = new Date(workday(day).getTime() + (13 + slot) * 3_600_000);
        const past = startsAt < today;
        return {
          practiceId: practice.id,
          clinicianId: clinicians[i % clinicians.length]!.id,
          clientId: clientIds[i % clientIds.length]!,
          startsAt,
          endsAt: new Date(startsAt.getTime() + 50 * 60_000),
          status: past ? (i % 13 === 0 ? ('NO_SHOW' as const) : ('COMPLETED' as const)) : ('SCHEDULED' as const),
        };
      });
      await prisma.appointment.createMany({ data });
    }
    await prisma.workingHours.createMany({
      data: clinicians.flatMap((c) => [1, 2, 3, 4, 5].map((weekday) => ({ practiceId: practice.id, clinicianId: c.id, weekday, startMinute: 8 * 60, endMinute: 18 * 60 }))),
    });
    const service = await prisma.service.create({ data: { practiceId: practice.id, name: 'Individual therapy', durationMinutes: 50, cptCode: '90834', priceCents: 15000, bookableOnline: true } });
    // Measure a settled database, as autovacuum keeps one in production, not the minute after a bulk load.
    await prisma.$executeRawUnsafe('VACUUM ANALYZE "Appointment", "Client", "WorkingHours"');
    const searchTerms = ['Dana Reyes', 'Dnaa Reyes', 'Priya Shah', 'Priay Sha', 'Kenji Tanaka', 'Kenij Tanka', 'Grace Hughes', 'Grcae Hugh', 'Omar Haddad', 'Omra Hadad', 'Mei Chen', 'Mie Chne', 'Hugo Weber', 'Hgo Webr', 'Ivy Kaur', 'Ivy Kuar'];
    return { practiceId: practice.id, clinicianIds: clinicians.map((c) => c.id), firstMonday, weeks: Math.ceil(days / 5), searchTerms, serviceId: service.id };
  } finally {
    await prisma.$disconnect();
  }
}
