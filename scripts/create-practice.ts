// `npm run practice:create -- --name "Harbor Therapy" --time-zone America/Chicago --admin-email avi@harbor.test --admin-name "Avi Cohen"`
// Provisions a new practice (tenant) and its first admin, and emails the admin a single-use link
// to choose a password (through the configured email provider; locally, the .mailbox folder).
import { createLogger, createPrismaClient, loadConfig, type PrismaClient } from '@solace/server-kit';
import { randomUUID } from 'node:crypto';
import { AccountEmailRepository } from '../workers/src/account-emails/account-email.repository';
import { processAccountEmail } from '../workers/src/account-emails/account-emails.processor';
import { createEmailProvider, type EmailProvider } from '../workers/src/email/email-provider';

export interface NewPractice {
  name: string;
  timeZone: string;
  adminEmail: string;
  adminName: string;
}

export async function createPractice(prisma: PrismaClient, email: EmailProvider, input: NewPractice, webUrl: string) {
  if (!Intl.supportedValuesOf('timeZone').includes(input.timeZone)) throw new Error(`Unknown time zone "${input.timeZone}" (use an IANA name such as America/Chicago).`);
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(input.adminEmail)) throw new Error(`"${input.adminEmail}" is not an email address.`);
  const { practice, admin } = await prisma.$transaction(async (tx) => {
    const practice = await tx.practice.create({ data: { name: input.name.trim(), timeZone: input.timeZone } });
    const admin = await tx.staffUser.create({
      data: { practiceId: practice.id, email: input.adminEmail.trim().toLowerCase(), displayName: input.adminName.trim(), roles: ['ADMIN'], passwordHash: '!invited' },
    });
    return { practice, admin };
  });
  const sent = await processAccountEmail(
    { id: `provision-${randomUUID()}`, data: { userId: admin.id, practiceId: practice.id, purpose: 'INVITE', requestId: 'practice:create' } },
    { accounts: new AccountEmailRepository(prisma), email, webUrl },
  );
  return { practiceId: practice.id, adminId: admin.id, invitation: sent };
}

function argument(name: string): string {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? process.argv[index + 1] : undefined;
  if (!value) throw new Error(`Missing --${name}. Usage: npm run practice:create -- --name N --time-zone TZ --admin-email E --admin-name N`);
  return value;
}

if (require.main === module) {
  const prisma = createPrismaClient(loadConfig().ownerDatabaseUrl);
  (async () => {
    const input = { name: argument('name'), timeZone: argument('time-zone'), adminEmail: argument('admin-email'), adminName: argument('admin-name') };
    const result = await createPractice(prisma, createEmailProvider(process.env, createLogger('practice:create')), input, process.env.SOLACE_WEB_URL ?? 'http://localhost:3000');
    console.log(`Practice ${result.practiceId} created; ${input.adminEmail} was emailed a link to choose a password (valid 3 days).`);
  })()
    .catch((error: Error) => {
      console.error(error.message);
      process.exitCode = 1;
    })
    .finally(() => prisma.$disconnect());
}
