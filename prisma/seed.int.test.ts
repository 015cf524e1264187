// The demo data `npm start` seeds: it must keep fitting the schema (and its constraints) as both change,
// and its clinical record must look in the app exactly as if the clinicians had written it.
import { createLogger, createPrismaClient, runInPracticeScope, type PrismaClient } from '@solace/server-kit';
import { randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { describe, expect, it } from 'vitest';
import { appUrlFor } from '../scripts/db/database-urls';
import { prepareDatabase } from '../scripts/db/migrate';
import { runComplianceEngine } from '../workers/src/compliance/compliance.engine';
import { ComplianceRepository } from '../workers/src/compliance/compliance.repository';
import { LocalMailboxProvider } from '../workers/src/email/local-mailbox.provider';
import { gql, tokenFor } from '../test/support/graphql-client';
import { startStack } from '../test/support/stack';
import { DEMO_LOGINS, DEMO_PORTAL_CLIENT, seedDemo } from './seed';
import { GAD7_TOTALS, PHQ9_TOTALS, PROGRESS_NOTES } from './seed/clinical-content';
import { DEMO_ASSOCIATE } from './seed/clinical-record';

/** Row counts of everything the seed writes, to prove a second run adds nothing. */
async function counts(prisma: PrismaClient) {
  return {
    practices: await prisma.practice.count(),
    staff: await prisma.staffUser.count(),
    workingHours: await prisma.workingHours.count(),
    supervisionLinks: await prisma.supervisionLink.count(),
    clients: await prisma.client.count(),
    appointments: await prisma.appointment.count(),
    messages: await prisma.message.count(),
    templates: await prisma.noteTemplate.count(),
    templateVersions: await prisma.noteTemplateVersion.count(),
    notes: await prisma.clinicalNote.count(),
    noteVersions: await prisma.noteVersion.count(),
    signatures: await prisma.noteSignature.count(),
    reviewEvents: await prisma.noteReviewEvent.count(),
    measures: await prisma.measureResponse.count(),
    treatmentPlans: await prisma.treatmentPlan.count(),
  };
}

async function withFreshDatabase(test: (urls: { ownerUrl: string; appUrl: string }, prisma: PrismaClient) => Promise<void>) {
  const database = `solace_seed_${randomUUID().replaceAll('-', '')}`;
  const admin = new Client({ connectionString: process.env.DATABASE_OWNER_URL });
  await admin.connect();
  await admin.query(`create database ${database}`);
  const ownerUrl = Object.assign(new URL(process.env.DATABASE_OWNER_URL!), { pathname: `/${database}` }).toString();
  const urls = { ownerUrl, appUrl: appUrlFor(ownerUrl) };
  const prisma = createPrismaClient(ownerUrl, { poolSize: 2 });
  try {
    await prepareDatabase(urls, () => undefined);
    await test(urls, prisma);
  } finally {
    await prisma.$disconnect();
    await admin.query(`drop database ${database} with (force)`);
    await admin.end();
  }
}

describe('demo seed', () => {
  it('seeds a fresh database once: staff, clients, a week of visits, a conversation, a portal client and a clinical record', async () => {
    await withFreshDatabase(async ({ ownerUrl }, prisma) => {
      expect(await seedDemo(ownerUrl)).toBe('created');
      const first = await counts(prisma);
      expect(await seedDemo(ownerUrl)).toBe('existing');
      expect(await counts(prisma)).toEqual(first);

      expect(await prisma.practice.findFirstOrThrow({ select: { staffMfaRequired: true } })).toEqual({ staffMfaRequired: false });
      expect(first.staff).toBe(DEMO_LOGINS.length);
      expect(first.clients).toBe(20);
      expect(first.appointments).toBeGreaterThan(40);
      const account = await prisma.clientAccount.findFirstOrThrow({ where: { email: DEMO_PORTAL_CLIENT }, select: { clientId: true } });
      const messages = await prisma.message.findMany({ select: { senderId: true } });
      expect(messages.some((message) => message.senderId === account.clientId)).toBe(true);
      // The built-ins, copied once; intake + progress notes signed, one draft, one in review.
      expect(first.templates).toBeGreaterThanOrEqual(8);
      expect(await prisma.clinicalNote.count({ where: { status: 'SIGNED' } })).toBe(1 + PROGRESS_NOTES.length);
      expect(await prisma.clinicalNote.count({ where: { status: 'DRAFT' } })).toBe(1);
      expect(await prisma.clinicalNote.count({ where: { status: 'IN_REVIEW' } })).toBe(1);
      // Encrypted at rest like the services write it.
      const stored = await prisma.clinicalNote.findFirstOrThrow({ where: { status: 'SIGNED' }, select: { content: true } });
      expect(stored.content).toMatch(/^enc:v1:/);
    });
  });

  it('shows the clinical record through the API: verified signatures, the to-do list, the trend, the plan and a note to co-sign', async () => {
    await withFreshDatabase(async ({ ownerUrl, appUrl }, prisma) => {
      expect(await seedDemo(ownerUrl)).toBe('created');
      const previousAppUrl = process.env.DATABASE_URL;
      process.env.DATABASE_URL = appUrl;
      const stack = await startStack();
      try {
        const staff = await prisma.staffUser.findMany({ select: { id: true, practiceId: true, roles: true, email: true } });
        const login = (email: string) => staff.find((user) => user.email === email)!;
        const maya = login(DEMO_LOGINS[1].email);
        const sam = login(DEMO_LOGINS[2].email);
        const associate = login(DEMO_ASSOCIATE.email);
        const dana = await prisma.client.findFirstOrThrow({ where: { email: DEMO_PORTAL_CLIENT }, select: { id: true } });
        const mayaToken = await tokenFor(maya);

        // Every signed note verifies (content hash, signatures, chain) as the app checks it.
        const signed = await prisma.clinicalNote.findMany({ where: { authorId: maya.id, clientId: dana.id, status: 'SIGNED' }, select: { id: true }, orderBy: { serviceDate: 'asc' } });
        expect(signed).toHaveLength(1 + PROGRESS_NOTES.length);
        for (const { id } of signed) {
          const read = await gql(stack.routerUrl, 'query ($id: ID!) { clinicalNote(id: $id) { status contentVerified versions { verified signatures { role signer { id } } } } }', { id }, mayaToken);
          expect(read.errors).toBeUndefined();
          expect(read.data!.clinicalNote).toMatchObject({ status: 'SIGNED', contentVerified: true, versions: [{ verified: true, signatures: [{ role: 'AUTHOR', signer: { id: maya.id } }] }] });
        }

        // Maya's to-do list: the draft of the latest session and last week's session with no note (overdue).
        const queue = await gql(stack.routerUrl, 'query { unsignedNotes { state daysOverdue note { id status } client { id } } }', {}, mayaToken);
        expect(queue.errors).toBeUndefined();
        const danas = queue.data!.unsignedNotes.filter((item: { client: { id: string } }) => item.client.id === dana.id);
        expect(danas).toContainEqual(expect.objectContaining({ state: 'DRAFT', note: expect.objectContaining({ status: 'DRAFT' }) }));
        expect(danas).toContainEqual(expect.objectContaining({ state: 'NOT_STARTED', note: null, daysOverdue: expect.any(Number) }));
        // ...which the compliance engine (the workers run it at start) reports as overdue.
        const log = createLogger('test');
        const engine = { compliance: new ComplianceRepository(prisma), email: new LocalMailboxProvider(await mkdtemp(join(tmpdir(), 'solace-seed-')), log), webUrl: 'http://localhost:3000', log };
        await runInPracticeScope(maya.practiceId, () => runComplianceEngine(maya.practiceId, new Date(), engine));
        const alerts = await gql(stack.routerUrl, 'query { complianceAlerts { kind noteId client { id } } }', {}, mayaToken);
        expect(alerts.errors).toBeUndefined();
        expect(alerts.data!.complianceAlerts).toEqual([{ kind: 'NOTE_OVERDUE', noteId: null, client: { id: dana.id } }]);

        // The trend charts: weekly scores, oldest first, improving.
        for (const [instrument, totals] of [['PHQ9', PHQ9_TOTALS], ['GAD7', GAD7_TOTALS]] as const) {
          const trend = await gql(stack.routerUrl, 'query ($clientId: ID!, $instrument: MeasureInstrument!) { measureTrend(clientId: $clientId, instrument: $instrument) { points { totalScore administeredAt } } }', { clientId: dana.id, instrument }, mayaToken);
          expect(trend.errors).toBeUndefined();
          const points = trend.data!.measureTrend.points as Array<{ totalScore: number; administeredAt: string }>;
          expect(points.map((point) => point.totalScore)).toEqual(totals);
          const times = points.map((point) => Date.parse(point.administeredAt));
          expect(times).toEqual([...times].sort((a, b) => a - b));
        }

        const plans = await gql(stack.routerUrl, 'query ($clientId: ID!) { treatmentPlans(clientId: $clientId) { status problems { goals { objectives { description } } } } }', { clientId: dana.id }, mayaToken);
        expect(plans.errors).toBeUndefined();
        expect(plans.data!.treatmentPlans).toEqual([expect.objectContaining({ status: 'ACTIVE' })]);
        expect(plans.data!.treatmentPlans[0].problems[0].goals[0].objectives.length).toBeGreaterThan(0);

        // Sam's review queue holds the associate's note, and co-signing it yields a verified signature.
        const samToken = await tokenFor(sam);
        const review = await gql(stack.routerUrl, 'query { noteReviewQueue { id author { id } } }', {}, samToken);
        expect(review.errors).toBeUndefined();
        expect(review.data!.noteReviewQueue).toEqual([{ id: expect.any(String), author: { id: associate.id } }]);
        const cosigned = await gql(stack.routerUrl, 'mutation ($id: ID!) { cosignNote(id: $id, attest: true) { status contentVerified } }', { id: review.data!.noteReviewQueue[0].id }, samToken);
        expect(cosigned.errors).toBeUndefined();
        expect(cosigned.data!.cosignNote).toEqual({ status: 'SIGNED', contentVerified: true });

        // Staff carry their credentials; Sam's licence comes up for renewal, so the Staff page shows it.
        const staffList = await gql(stack.routerUrl, 'query { staffUsers { displayName credentials npi license { state renewalDue } } }', {}, samToken);
        expect(staffList.data!.staffUsers).toEqual(
          expect.arrayContaining([
            { displayName: 'Dr. Maya Patel', credentials: 'PsyD', npi: '1245319599', license: { state: 'GA', renewalDue: false } },
            { displayName: 'Sam Okafor', credentials: 'LPC', npi: null, license: { state: 'GA', renewalDue: true } },
            { displayName: 'Leah Park', credentials: 'APC', npi: null, license: null },
          ]),
        );
      } finally {
        await stack.stop();
        process.env.DATABASE_URL = previousAppUrl;
      }
    });
  });
});
