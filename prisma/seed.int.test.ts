// The demo data `npm start` seeds: it must keep fitting the schema (and its constraints) as both change.
import { createPrismaClient } from '@solace/server-kit';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { describe, expect, it } from 'vitest';
import { appUrlFor } from '../scripts/db/database-urls';
import { prepareDatabase } from '../scripts/db/migrate';
import { DEMO_LOGINS, DEMO_PORTAL_CLIENT, seedDemo } from './seed';

describe('demo seed', () => {
  it('seeds a fresh database once: staff, clients, a week of visits, a conversation and a portal client', async () => {
    const database = `solace_seed_${randomUUID().replaceAll('-', '')}`;
    const admin = new Client({ connectionString: process.env.DATABASE_OWNER_URL });
    await admin.connect();
    await admin.query(`create database ${database}`);
    const ownerUrl = Object.assign(new URL(process.env.DATABASE_OWNER_URL!), { pathname: `/${database}` }).toString();
    const prisma = createPrismaClient(ownerUrl, { poolSize: 2 });
    try {
      await prepareDatabase({ ownerUrl, appUrl: appUrlFor(ownerUrl) }, () => undefined);
      expect(await seedDemo(ownerUrl)).toBe('created');
      expect(await seedDemo(ownerUrl)).toBe('existing');
      expect(await prisma.practice.findFirstOrThrow({ select: { staffMfaRequired: true } })).toEqual({ staffMfaRequired: false });
      expect(await prisma.staffUser.count()).toBe(DEMO_LOGINS.length);
      expect(await prisma.client.count()).toBe(20);
      expect(await prisma.appointment.count()).toBeGreaterThan(40);
      const account = await prisma.clientAccount.findFirstOrThrow({ where: { email: DEMO_PORTAL_CLIENT }, select: { clientId: true } });
      const messages = await prisma.message.findMany({ select: { senderId: true } });
      expect(messages.some((message) => message.senderId === account.clientId)).toBe(true);
    } finally {
      await prisma.$disconnect();
      await admin.query(`drop database ${database} with (force)`);
      await admin.end();
    }
  });
});
