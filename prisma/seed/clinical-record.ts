// Seeds the demo's clinical documentation (issue 5) so its screens are not empty: the practice's
// built-in templates; for Maya and Dana an intake and weekly progress notes, signed, a draft of the
// latest session and one past session with no note (the to-do list and a compliance alert), a
// signed treatment plan and weekly PHQ-9/GAD-7 scores that improve; and an associate supervised by
// Sam whose note waits for his co-signature.
//
// It writes through the notes subgraph's own repositories, services and canonical serialisation, so
// content is encrypted and signatures verify exactly as if the clinicians had used the app. Every
// step looks for its result first and dates are counted from the practice's creation (not today),
// so running it again — every `npm start` — adds nothing and finishes what an interrupted run began.
import { runInPracticeScope, zonedDate, zonedWallTimeToUtc, type AuthClaims, type FieldCipher, type PrismaClient } from '@solace/server-kit';
import { DiagnosisRepository } from '../../subgraphs/notes/src/diagnoses/diagnosis.repository';
import { DiagnosisService } from '../../subgraphs/notes/src/diagnoses/diagnosis.service';
import { INSTRUMENTS, type Instrument } from '../../subgraphs/notes/src/measures/instruments';
import { MeasureRepository } from '../../subgraphs/notes/src/measures/measure.repository';
import { MeasureService } from '../../subgraphs/notes/src/measures/measure.service';
import { missingRequired, validateContent } from '../../subgraphs/notes/src/note/note-content';
import { NoteRepository } from '../../subgraphs/notes/src/note/note.repository';
import type { NoteType } from '../../subgraphs/notes/src/note/note.type';
import { canonicalNote, parseFieldValues, serialise, sha256 } from '../../subgraphs/notes/src/note-signing/canonical-note';
import { NoteSigningRepository } from '../../subgraphs/notes/src/note-signing/note-signing.repository';
import { SIGNING_ATTESTATION } from '../../subgraphs/notes/src/note-signing/note-signing.service';
import { TemplateRepository } from '../../subgraphs/notes/src/templates/template.repository';
import { TemplateService } from '../../subgraphs/notes/src/templates/template.service';
import { TreatmentPlanRepository } from '../../subgraphs/notes/src/treatment-plans/treatment-plan.repository';
import { TreatmentPlanService } from '../../subgraphs/notes/src/treatment-plans/treatment-plan.service';
import { ASSOCIATE_NOTE, DIAGNOSES, DRAFT_NOTE, GAD7_TOTALS, INTAKE, NO_CURRENT_RISK, PHQ9_TOTALS, PROGRESS_NOTES, treatmentPlanProblems } from './clinical-content';

/** The associate clinician Sam supervises (a demo login like the others). */
export const DEMO_ASSOCIATE = { email: 'leah@demo.solace.test', displayName: 'Leah Park', roles: ['CLINICIAN'] } as const;

const DAY_MS = 86_400_000;
/** Dana's weekly hour with Maya: after the seeded week's last slot, so it never overlaps it. */
const WEEKLY_HOUR = 16;

export interface ClinicalSeedPeople {
  practiceId: string;
  timeZone: string;
  /** The day the demo practice was created: every date here is counted back from it. */
  createdAt: Date;
  mayaId: string;
  samId: string;
  danaId: string;
  /** The associate's client. */
  alexId: string;
  passwordHash: () => Promise<string>;
}

const claims = (practiceId: string, userId: string): AuthClaims => ({ sub: userId, practiceId, roles: ['CLINICIAN'], sid: 'demo-seed', exp: 0 });

export async function seedClinicalRecord(prisma: PrismaClient, cipher: FieldCipher, people: ClinicalSeedPeople): Promise<void> {
  await runInPracticeScope(people.practiceId, () => seedInScope(prisma, cipher, people));
}

async function seedInScope(prisma: PrismaClient, cipher: FieldCipher, people: ClinicalSeedPeople): Promise<void> {
  const { practiceId } = people;
  const templates = new TemplateService(new TemplateRepository(prisma));
  await templates.ensureBuiltIns(practiceId);
  const notes = new NoteRepository(prisma, cipher);
  const signing = new NoteSigningRepository(prisma, cipher);
  const diagnoses = await new DiagnosisService(new DiagnosisRepository(prisma)).validateForNote(DIAGNOSES);
  const associateId = await ensureAssociate(prisma, people);

  // Sessions fall on the practice's creation day's weekday (a weekday: weekends move back to Friday).
  const local = zonedDate(people.createdAt, people.timeZone);
  let base = new Date(Date.UTC(local.year, local.month - 1, local.day));
  while (base.getUTCDay() === 0 || base.getUTCDay() === 6) base = new Date(base.getTime() - DAY_MS);
  let lastWorkday = new Date(Date.UTC(local.year, local.month - 1, local.day) - DAY_MS);
  while (lastWorkday.getUTCDay() === 0 || lastWorkday.getUTCDay() === 6) lastWorkday = new Date(lastWorkday.getTime() - DAY_MS);
  const at = (day: Date, hour: number) => zonedWallTimeToUtc({ year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate(), hour, minute: 0 }, people.timeZone);
  const weeksBefore = (weeks: number) => at(new Date(base.getTime() - weeks * 7 * DAY_MS), WEEKLY_HOUR);

  const services = await prisma.service.findMany({ where: { practiceId }, select: { id: true, cptCode: true } });
  const serviceId = (cpt: string) => services.find((service) => service.cptCode === cpt)?.id ?? null;
  const session = (clinicianId: string, clientId: string, startsAt: Date, cpt = '90837') => ensureAppointment(prisma, { practiceId, clinicianId, clientId, startsAt, serviceId: serviceId(cpt) });

  const document = async (author: string, appointment: { id: string; clientId: string; startsAt: Date }, noteType: NoteType, values: Record<string, unknown>, finish: 'DRAFT' | 'SIGN' | 'SUBMIT') => {
    const template = await templates.forNewNote(practiceId, noteType, null);
    const fields = template.currentVersion.fields;
    let note = await notes.findByAppointment(practiceId, appointment.id);
    if (!note) {
      const created = await notes.create({ practiceId, appointmentId: appointment.id, clientId: appointment.clientId, serviceDate: appointment.startsAt, authorId: author, body: '', noteType, templateVersionId: template.currentVersion.id });
      note = (await notes.saveDraft(practiceId, created.id, created.revision, { content: validateContent(fields, values), diagnosisCodes: diagnoses }))!;
    }
    if (finish === 'DRAFT' || note.status !== 'DRAFT') return;
    const missing = missingRequired(fields, note.content);
    if (missing.length > 0) throw new Error(`The demo ${noteType} note leaves required fields empty: ${missing.join(', ')}.`);
    // What the signing service signs: the canonical note in template order, first in its chain.
    const forSigning = (await signing.findNote(practiceId, note.id))!;
    const text = serialise(canonicalNote({ ...forSigning, fieldValues: parseFieldValues(forSigning.content) }, { templateOrder: fields.map((field) => field.id), previousVersionHash: null }));
    const signedAt = new Date(appointment.startsAt.getTime() + 2 * 3600_000);
    if (finish === 'SUBMIT') {
      await signing.submit(forSigning, signedAt, { ip: null, contentHash: sha256(text) });
    } else {
      await signing.sign(forSigning, signedAt, { number: 1, kind: 'ORIGINAL', authorId: author, content: text, contentHash: sha256(text), signatures: [{ signerId: author, role: 'AUTHOR', signedAt, ip: null, attestation: SIGNING_ATTESTATION }] });
    }
  };

  // Dana with Maya: intake eight weeks ago, six signed progress notes, last week's session not yet
  // documented (overdue: the compliance engine alerts on it), and a draft of the latest session.
  const intake = await session(people.mayaId, people.danaId, weeksBefore(8), '90791');
  await document(people.mayaId, intake, 'INTAKE_ASSESSMENT', INTAKE, 'SIGN');
  for (const [i, words] of PROGRESS_NOTES.entries()) {
    const visit = await session(people.mayaId, people.danaId, weeksBefore(7 - i));
    await document(people.mayaId, visit, 'PROGRESS', { ...words, risk_level: NO_CURRENT_RISK }, 'SIGN');
  }
  await session(people.mayaId, people.danaId, weeksBefore(1));
  const latest = await session(people.mayaId, people.danaId, at(lastWorkday, WEEKLY_HOUR));
  await document(people.mayaId, latest, 'PROGRESS', DRAFT_NOTE, 'DRAFT');

  // Scores at each weekly session from the intake on, entered by Maya at the start of the session.
  const measures = new MeasureService(new MeasureRepository(prisma));
  for (const [instrument, totals] of [['PHQ9', PHQ9_TOTALS], ['GAD7', GAD7_TOTALS]] as const) {
    for (const [i, total] of totals.entries()) {
      const administeredAt = new Date(weeksBefore(8 - i).getTime() + 5 * 60_000);
      const existing = await prisma.measureResponse.findFirst({ where: { practiceId, clientId: people.danaId, instrument, administeredAt }, select: { id: true } });
      if (!existing) await measures.record(practiceId, people.danaId, instrument, answersTotalling(instrument, total), administeredAt, { source: 'STAFF', userId: people.mayaId });
    }
  }

  // The plan agreed in the session after the intake, signed that day.
  const plans = new TreatmentPlanService(new TreatmentPlanRepository(prisma, cipher));
  const maya = claims(practiceId, people.mayaId);
  const planned = (await plans.history(maya, people.danaId)).find((plan) => plan.status === 'ACTIVE' || plan.status === 'DRAFT');
  const plan = planned ?? (await plans.create(maya, people.danaId, treatmentPlanProblems(people.mayaId, weeksBefore(7))));
  if (plan.status === 'DRAFT') await plans.sign(maya, plan.id, new Date(weeksBefore(7).getTime() + 3 * 3600_000));

  // The associate's note of yesterday's session, submitted for Sam's co-signature.
  const alexSession = await session(associateId, people.alexId, at(lastWorkday, WEEKLY_HOUR));
  await document(associateId, alexSession, 'PROGRESS', ASSOCIATE_NOTE, 'SUBMIT');
}

/** Item answers (0–3) adding up to `total`, spread over the items; the PHQ-9's self-harm item stays 0. */
export function answersTotalling(instrument: Instrument, total: number): number[] {
  const definition = INSTRUMENTS[instrument];
  const answers = definition.items.map(() => 0);
  const items = answers.map((_, index) => index).filter((index) => index !== definition.safetyItemIndex);
  for (let left = total, turn = 0; left > 0; turn++) {
    const index = items[turn % items.length]!;
    if (answers[index]! < 3) {
      answers[index]! += 1;
      left -= 1;
    }
  }
  return answers;
}

async function ensureAppointment(prisma: PrismaClient, slot: { practiceId: string; clinicianId: string; clientId: string; startsAt: Date; serviceId: string | null }) {
  const select = { id: true, clientId: true, startsAt: true } as const;
  const existing = await prisma.appointment.findFirst({ where: { practiceId: slot.practiceId, clinicianId: slot.clinicianId, clientId: slot.clientId, startsAt: slot.startsAt }, select });
  if (existing) return existing;
  return prisma.appointment.create({ data: { ...slot, endsAt: new Date(slot.startsAt.getTime() + 53 * 60_000), status: 'COMPLETED' }, select });
}

/** The associate, their weekly hours and Sam's supervision of them. */
async function ensureAssociate(prisma: PrismaClient, people: ClinicalSeedPeople): Promise<string> {
  const { practiceId } = people;
  let associate = await prisma.staffUser.findFirst({ where: { email: DEMO_ASSOCIATE.email }, select: { id: true } });
  if (!associate) {
    associate = await prisma.staffUser.create({ data: { practiceId, email: DEMO_ASSOCIATE.email, displayName: DEMO_ASSOCIATE.displayName, credentials: 'APC', roles: [...DEMO_ASSOCIATE.roles], passwordHash: await people.passwordHash() }, select: { id: true } });
    await prisma.workingHours.createMany({ data: [1, 2, 3, 4, 5].map((weekday) => ({ practiceId, clinicianId: associate!.id, weekday, startMinute: 9 * 60, endMinute: 17 * 60 })) });
  }
  const link = await prisma.supervisionLink.findFirst({ where: { practiceId, supervisorId: people.samId, superviseeId: associate.id, endedAt: null }, select: { id: true } });
  if (!link) await prisma.supervisionLink.create({ data: { practiceId, supervisorId: people.samId, superviseeId: associate.id, startedAt: people.createdAt } });
  return associate.id;
}
