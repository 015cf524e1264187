import { createLogger } from '@solace/server-kit';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testPrisma } from '../test/support/factories';
import { LocalMailboxProvider } from '../workers/src/email/local-mailbox.provider';
import { createPractice } from './create-practice';

describe('practice:create', () => {
  it('creates the practice and its first admin, and emails the admin an invitation link', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'solace-provision-'));
    const email = `owner-${Date.now()}@harbor.test`;
    const result = await createPractice(testPrisma(), new LocalMailboxProvider(dir, createLogger('test')), { name: 'Harbor Therapy', timeZone: 'America/Chicago', adminEmail: email, adminName: 'Avi Cohen' }, 'https://app.harbor.test');
    const admin = await testPrisma().staffUser.findUniqueOrThrow({ where: { id: result.adminId }, select: { roles: true, practiceId: true } });
    expect(admin).toEqual({ roles: ['ADMIN'], practiceId: result.practiceId });
    const [file] = await readdir(dir);
    const message = await readFile(join(dir, file!), 'utf8');
    expect(message).toContain(`To: ${email}`);
    expect(message).toMatch(/https:\/\/app\.harbor\.test\/set-password\?token=[A-Za-z0-9_-]{40,}/);
  });

  it('refuses an unknown time zone before writing anything', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'solace-provision-'));
    await expect(createPractice(testPrisma(), new LocalMailboxProvider(dir, createLogger('test')), { name: 'X', timeZone: 'Mars/Olympus', adminEmail: 'a@b.test', adminName: 'A' }, 'http://x')).rejects.toThrow(/Unknown time zone/);
  });
});
