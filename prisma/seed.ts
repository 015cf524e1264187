// Seeds the demo practice: services, rooms and weekly hours, an admin, two clinicians, 20 clients
// with consents on file, a week of appointments around today (in the practice's time zone) and one
// message thread; then the clinical record (seed/clinical-record.ts: notes, a treatment plan,
// measures, an associate's note for review). The practice is made once: a second start finds the
// demo admin and leaves it alone; the clinical record checks each of its parts before adding it.
import { createFieldCipher, createPrismaClient, hashPassword, loadConfig, zonedDate, zonedWallTimeToUtc, type FieldCipher, type PrismaClient } from '@solace/server-kit';
import { DEMO_ASSOCIATE, seedClinicalRecord } from './seed/clinical-record';

export const DEMO_PASSWORD = 'Solace-demo-2026!';
/** A client with a portal account: signs in at /portal/sign-in with a code emailed to the mailbox. */
export const DEMO_PORTAL_CLIENT = 'dana.reyes@example.test';

const DAY_MS = 86_400_000;
const PRACTICE_LOGINS = [
  { email: 'avi@demo.solace.test', displayName: 'Avi Cohen', roles: ['ADMIN'], professional: {} },
  // Fictional licences (and a check-digit-valid sample NPI); Sam's comes up for renewal, so Staff shows it.
  { email: 'maya@demo.solace.test', displayName: 'Dr. Maya Patel', roles: ['CLINICIAN'], professional: { credentials: 'PsyD', npi: '1245319599', licenseNumber: 'PSY 004512', licenseState: 'GA', licenseExpiresInDays: 400 } },
  { email: 'sam@demo.solace.test', displayName: 'Sam Okafor', roles: ['CLINICIAN', 'SUPERVISOR'], professional: { credentials: 'LPC', licenseNumber: 'LPC 011873', licenseState: 'GA', licenseExpiresInDays: 45 } },
] as const;
/** Every demo login; the associate (supervised by Sam) comes with the clinical record. */
export const DEMO_LOGINS = [...PRACTICE_LOGINS, DEMO_ASSOCIATE] as const;
const TIME_ZONE = 'America/New_York';

const FIRST_NAMES = ['Dana', 'Jordan', 'Alex', 'Priya', 'Marcus', 'Elena', 'Noah', 'Aisha', 'Liam', 'Sofia', 'Mateo', 'Hannah', 'Kenji', 'Zoe', 'Omar', 'Grace', 'Diego', 'Mei', 'Ethan', 'Amara'];
const LAST_NAMES = ['Reyes', 'Kim', 'Morgan', 'Shah', 'Bell', 'Rossi', 'Fischer', 'Bello', 'Walsh', 'Costa', 'Silva', 'Berg', 'Tanaka', 'Hughes', 'Haddad', 'Lee', 'Ortiz', 'Chen', 'Brooks', 'Nwosu'];
const SESSION_HOURS = [9, 10, 11, 13, 14, 15];

export async function seedDemo(databaseUrl: string, now = new Date()): Promise<'created' | 'existing'> {
  const prisma = createPrismaClient(databaseUrl);
  try {
    const cipher = createFieldCipher();
    const existing = await prisma.staffUser.findFirst({ where: { email: DEMO_LOGINS[0].email }, select: { practiceId: true } });
    if (existing) {
      // A demo database from before two-step verification became the default keeps the demo logins working.
      await prisma.practice.update({ where: { id: existing.practiceId }, data: { staffMfaRequired: false } });
      // A demo database from before the clinical record gets it now (dated from its creation).
      await seedDemoClinicalRecord(prisma, cipher, existing.practiceId, () => hashPassword(DEMO_PASSWORD));
      return 'existing';
    }
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const practiceId = await prisma.$transaction(async (tx) => {
      // Two-step verification is optional in the demo practice only, so the demo logins work at
      // once; practices made with `npm run practice:create` require it. Its creation time is the
      // clinical record's reference point.
      // Fictional details (555 number, a check-digit-valid sample NPI) so PDFs show a full header.
      const details = { phone: '(404) 555-0100', email: 'hello@demo.solace.test', addressLine1: '100 Peachtree St NW', addressLine2: 'Suite 1200', addressCity: 'Atlanta', addressState: 'GA', addressPostalCode: '30303', npi: '1234567893' };
      const practice = await tx.practice.create({ data: { name: 'Solace Demo Practice', timeZone: TIME_ZONE, staffMfaRequired: false, createdAt: now, ...details } });
      const staff = [];
      for (const login of PRACTICE_LOGINS) {
        const { licenseExpiresInDays, ...professional } = login.professional as { licenseExpiresInDays?: number; credentials?: string };
        const licenseExpiresOn = licenseExpiresInDays === undefined ? null : new Date(Math.floor(now.getTime() / DAY_MS + licenseExpiresInDays) * DAY_MS);
        staff.push(await tx.staffUser.create({ data: { practiceId: practice.id, email: login.email, displayName: login.displayName, roles: [...login.roles], passwordHash, ...professional, licenseExpiresOn } }));
      }
      const clinicians = staff.filter((s) => s.roles.includes('CLINICIAN'));
      const clients = [];
      for (let i = 0; i < 20; i++) {
        clients.push(
          await tx.client.create({
            data: {
              practiceId: practice.id,
              firstName: FIRST_NAMES[i]!,
              lastName: LAST_NAMES[i]!,
              dateOfBirth: new Date(Date.UTC(1970 + ((i * 7) % 35), i % 12, 1 + ((i * 5) % 27))),
              email: `${FIRST_NAMES[i]!.toLowerCase()}.${LAST_NAMES[i]!.toLowerCase()}@example.test`,
              phone: `+1 555 01${String(i).padStart(2, '0')}`,
            },
          }),
        );
      }
      // Practice setup: what the front desk books and what the public booking page offers.
      await tx.service.createMany({
        data: [
          { practiceId: practice.id, name: 'Intake assessment', durationMinutes: 60, cptCode: '90791', priceCents: 18000, bookableOnline: true },
          { practiceId: practice.id, name: 'Individual therapy, 53 min', durationMinutes: 53, cptCode: '90837', priceCents: 15000, bookableOnline: true },
          { practiceId: practice.id, name: 'Individual therapy, 45 min', durationMinutes: 45, cptCode: '90834', priceCents: 12000 },
          { practiceId: practice.id, name: 'Family therapy', durationMinutes: 50, cptCode: '90847', priceCents: 16000, modalities: ['IN_PERSON'] },
        ],
      });
      await tx.room.createMany({ data: [{ practiceId: practice.id, name: 'Room 1' }, { practiceId: practice.id, name: 'Room 2' }] });
      await tx.workingHours.createMany({
        data: clinicians.flatMap((clinician) => [1, 2, 3, 4, 5].map((weekday) => ({ practiceId: practice.id, clinicianId: clinician.id, weekday, startMinute: 9 * 60, endMinute: 17 * 60 }))),
      });
      // Paperwork on file, so follow-up visits can be booked: informed consent signed two months
      // ago (renewed yearly), telehealth consent for every other client.
      const signedAt = new Date(now.getTime() - 60 * 86_400_000);
      await tx.clientConsent.createMany({
        data: clients.flatMap((client, i) => [
          { practiceId: practice.id, clientId: client.id, kind: 'INFORMED_CONSENT' as const, signedAt, expiresAt: new Date(signedAt.getTime() + 365 * 86_400_000), signedByName: `${client.firstName} ${client.lastName}` },
          ...(i % 2 === 0 ? [{ practiceId: practice.id, clientId: client.id, kind: 'TELEHEALTH' as const, signedAt, signedByName: `${client.firstName} ${client.lastName}` }] : []),
        ]),
      });

      // Seven days: three before today, today, three after. Each clinician sees four clients a day.
      const today = zonedDate(now, TIME_ZONE);
      const appointments = [];
      for (let offset = -3; offset <= 3; offset++) {
        const day = new Date(Date.UTC(today.year, today.month - 1, today.day + offset));
        for (const [c, clinician] of clinicians.entries()) {
          for (let slot = 0; slot < 4; slot++) {
            const hour = SESSION_HOURS[(slot + c + offset + 3) % SESSION_HOURS.length]!;
            const startsAt = zonedWallTimeToUtc({ year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate(), hour, minute: 0 }, TIME_ZONE);
            const client = clients[(slot * 2 + c + (offset + 3) * 3) % clients.length]!;
            const past = startsAt < now;
            const status = past ? ((slot + offset) % 7 === 0 ? 'NO_SHOW' : 'COMPLETED') : 'SCHEDULED';
            appointments.push({ practiceId: practice.id, clientId: client.id, clinicianId: clinician.id, startsAt, endsAt: new Date(startsAt.getTime() + 50 * 60_000), status } as const);
          }
        }
      }
      // Same hour twice for one clinician on one day would violate the exclusion constraint; the
      // slot arithmetic above keeps hours distinct per clinician and day.
      await tx.appointment.createMany({ data: appointments });

      const maya = staff[1]!;
      const thread = await tx.thread.create({ data: { practiceId: practice.id, clientId: clients[0]!.id, subject: 'Between sessions' } });
      const dana = clients[0]!;
      await tx.clientAccount.create({ data: { practiceId: practice.id, clientId: dana.id, email: DEMO_PORTAL_CLIENT } });
      // A client's message names the client as its sender (portal subgraph, senderKind CLIENT).
      const lines = [
        { from: maya.id, body: 'Hi Dana, how did the breathing exercise go this week?' },
        { from: dana.id, body: 'Better than I expected. I used it twice before work.' },
        { from: maya.id, body: 'When you have a moment, please bring your mood log on Tuesday.' },
      ];
      let sentAt = new Date(now.getTime() - 26 * 3600_000);
      for (const { from, body } of lines) {
        sentAt = new Date(sentAt.getTime() + 3 * 3600_000);
        await tx.message.create({ data: { practiceId: practice.id, threadId: thread.id, senderId: from, body: cipher.encrypt(body, 'Message.body'), createdAt: sentAt } });
      }
      await tx.thread.update({ where: { id: thread.id }, data: { lastMessageAt: sentAt } });
      return practice.id;
    });
    await seedDemoClinicalRecord(prisma, cipher, practiceId, () => Promise.resolve(passwordHash));
    return 'created';
  } finally {
    await prisma.$disconnect();
  }
}

async function seedDemoClinicalRecord(prisma: PrismaClient, cipher: FieldCipher, practiceId: string, passwordHash: () => Promise<string>): Promise<void> {
  const practice = await prisma.practice.findFirstOrThrow({ where: { id: practiceId }, select: { timeZone: true, createdAt: true } });
  const staffId = async (email: string) => (await prisma.staffUser.findFirstOrThrow({ where: { practiceId, email }, select: { id: true } })).id;
  const clientId = async (email: string) => (await prisma.client.findFirstOrThrow({ where: { practiceId, email }, select: { id: true } })).id;
  await seedClinicalRecord(prisma, cipher, {
    practiceId,
    timeZone: practice.timeZone,
    createdAt: practice.createdAt,
    mayaId: await staffId(PRACTICE_LOGINS[1].email),
    samId: await staffId(PRACTICE_LOGINS[2].email),
    danaId: await clientId(DEMO_PORTAL_CLIENT),
    alexId: await clientId('alex.morgan@example.test'),
    passwordHash,
  });
}

if (require.main === module) {
  seedDemo(loadConfig().ownerDatabaseUrl).then(
    (result) => console.log(result === 'created' ? '[seed] demo practice created' : '[seed] demo practice already present'),
    (error: Error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
