import { createLogger } from '@solace/server-kit';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEmailProvider } from './email-provider';
import { LocalMailboxProvider } from './local-mailbox.provider';

const log = createLogger('test');
const newMailboxDir = () => mkdtemp(join(tmpdir(), 'solace-mailbox-'));
const message = { to: 'dana@example.test', subject: 'Hello', text: 'Line one\nLine two', idempotencyKey: 'key-1' };

describe('local mailbox provider', () => {
  it('writes a readable message with its headers and body', async () => {
    const dir = await newMailboxDir();
    const { id } = await new LocalMailboxProvider(dir, log).send(message);
    const [file] = await readdir(dir);
    expect(file).toBe(`${id}.eml`);
    const content = await readFile(join(dir, file!), 'utf8');
    expect(content).toMatch(/^To: dana@example\.test\r\nSubject: Hello\r\nDate: .+ GMT\r\nX-Idempotency-Key: key-1\r\n/);
    expect(content).toContain('\r\n\r\nLine one\nLine two');
  });

  it('delivers one message per idempotency key, even when sent concurrently', async () => {
    const dir = await newMailboxDir();
    const provider = new LocalMailboxProvider(dir, log);
    const results = await Promise.all([provider.send(message), provider.send(message), provider.send({ ...message, text: 'changed' })]);
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    await provider.send({ ...message, idempotencyKey: 'key-2' });
    expect(await readdir(dir)).toHaveLength(2);
  });

  it('keeps a line break in a value from starting a header of its own', async () => {
    const dir = await newMailboxDir();
    await new LocalMailboxProvider(dir, log).send({ ...message, subject: 'Hi\r\nBcc: someone@example.test' });
    const content = await readFile(join(dir, (await readdir(dir))[0]!), 'utf8');
    expect(content).toContain('Subject: Hi Bcc: someone@example.test\r\n');
    expect(content).not.toMatch(/^Bcc:/m);
  });
});

describe('createEmailProvider', () => {
  it('uses the local mailbox by default, in MAILBOX_DIR', async () => {
    const dir = await newMailboxDir();
    const provider = createEmailProvider({ MAILBOX_DIR: dir }, log);
    expect(provider).toBeInstanceOf(LocalMailboxProvider);
    expect((provider as LocalMailboxProvider).mailboxDir).toBe(dir);
  });

  it('defaults the mailbox to .mailbox/ at the repository root', () => {
    const provider = createEmailProvider({}, log) as LocalMailboxProvider;
    expect(provider.mailboxDir).toBe(join(__dirname, '../../../.mailbox'));
  });

  it('refuses a provider it does not know', () => {
    expect(() => createEmailProvider({ EMAIL_PROVIDER: 'carrier-pigeon' }, log)).toThrow(/Unknown EMAIL_PROVIDER "carrier-pigeon"/);
  });
});
