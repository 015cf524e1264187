// Volume for `npm run bench:notes`: a group practice of 50 clinicians and 20,000 clients with 200,000
// past sessions, each documented: most notes signed, a realistic backlog of drafts (3%, about 120
// per clinician) spread over the last weeks. Written with createMany as the tables' owner; note text
// is encrypted like the services write it.
import { createFieldCipher, createPrismaClient, hashPassword } from '@solace/server-kit';
import { randomUUID } from 'node:crypto';

export interface NotesPractice {
  practiceId: string;
  clinicianIds: string[];
  /** The first clinician's recent sessions with draft notes, for autosave. */
  draftAppointmentIds: string[];
}

const BODY = 'Client reports improved sleep since last session; practised the breathing exercise daily. Discussed triggers at work and rehearsed a boundary-setting script. Plan: continue CBT, review thought log next week.';

export async function seedNotes(databaseUrl: string, sizes = { clinicians: 50, clients: 20_000, notes: 200_000 }): Promise<NotesPractice> {
  const prisma = createPrismaClient(databaseUrl, { poolSize: 4 });
  const cipher = createFieldCipher();
  try {
    const practice = await prisma.practice.create({ data: { name: `Bench notes ${randomUUID().slice(0, 6)}`, timeZone: 'America/New_York', staffMfaRequired: false } });
    const passwordHash = await hashPassword(randomUUID());
    const clinicians = await prisma.staffUser.createManyAndReturn({
      data: Array.from({ length: sizes.clinicians }, (_, i) => ({ practiceId: practice.id, email: `bench-${randomUUID()}@notes.solace.test`, displayName: `Clinician ${i + 1}`, passwordHash, roles: ['CLINICIAN' as const] })),
      select: { id: true },
    });
    const clientIds: string[] = [];
    for (let offset = 0; offset < sizes.clients; offset += 5000) {
      const batch = await prisma.client.createManyAndReturn({
        data: Array.from({ length: Math.min(5000, sizes.clients - offset) }, (_, j) => ({ practiceId: practice.id, firstName: `First${offset + j}`, lastName: `Last${offset + j}`, dateOfBirth: new Date(Date.UTC(1960 + ((offset + j) % 45), (offset + j) % 12, 1 + ((offset + j) % 28))) })),
        select: { id: true },
      });
      clientIds.push(...batch.map((c) => c.id));
    }
    // 8 sessions a weekday per clinician, going back from yesterday; the newest 3% stay drafts.
    const perDay = 8 * clinicians.length;
    const yesterday = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() - 1));
    const weekdays: Date[] = [];
    for (const day = new Date(yesterday); weekdays.length <= sizes.notes / perDay; day.setUTCDate(day.getUTCDate() - 1)) {
      if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6) weekdays.push(new Date(day));
    }
    const body = cipher.encrypt(BODY, 'ClinicalNote.body');
    const drafts = Math.round(sizes.notes * 0.03);
    const draftAppointmentIds: string[] = [];
    for (let offset = 0; offset < sizes.notes; offset += 5000) {
      const rows = Array.from({ length: Math.min(5000, sizes.notes - offset) }, (_, j) => {
        const i = offset + j;
        const day = weekdays[Math.floor(i / perDay)]!;
        const slot = Math.floor((i % perDay) / clinicians.length);
        const startsAt = new Date(day.getTime() + (13 + slot) * 3_600_000);
        return { id: randomUUID(), i, clinicianId: clinicians[i % clinicians.length]!.id, clientId: clientIds[i % clientIds.length]!, startsAt };
      });
      await prisma.appointment.createMany({
        data: rows.map((r) => ({ id: r.id, practiceId: practice.id, clinicianId: r.clinicianId, clientId: r.clientId, startsAt: r.startsAt, endsAt: new Date(r.startsAt.getTime() + 50 * 60_000), status: 'COMPLETED' as const })),
      });
      await prisma.clinicalNote.createMany({
        data: rows.map((r) => {
          const draft = r.i < drafts;
          if (draft && r.clinicianId === clinicians[0]!.id) draftAppointmentIds.push(r.id);
          return {
            practiceId: practice.id,
            appointmentId: r.id,
            clientId: r.clientId,
            authorId: r.clinicianId,
            serviceDate: r.startsAt,
            noteType: 'PROGRESS' as const,
            body,
            status: draft ? ('DRAFT' as const) : ('SIGNED' as const),
            signedAt: draft ? null : new Date(r.startsAt.getTime() + 86_400_000),
            signedById: draft ? null : r.clinicianId,
          };
        }),
      });
    }
    // Measure a settled database, as autovacuum keeps one in production (planner statistics,
    // visibility maps for index-only scans), not the minute after a bulk load.
    await prisma.$executeRawUnsafe('VACUUM ANALYZE "Appointment", "ClinicalNote", "Client"');
    return { practiceId: practice.id, clinicianIds: clinicians.map((c) => c.id), draftAppointmentIds };
  } finally {
    await prisma.$disconnect();
  }
}
