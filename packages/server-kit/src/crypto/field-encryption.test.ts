import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createFieldCipher } from './field-encryption';

const key = () => randomBytes(32).toString('base64url');

describe('field encryption', () => {
  const cipher = createFieldCipher({ SOLACE_ENCRYPTION_KEYS: `k1:${key()}` });

  it('round-trips, with a fresh IV every time', () => {
    const a = cipher.encrypt('Client reports improved sleep.', 'ClinicalNote.body');
    const b = cipher.encrypt('Client reports improved sleep.', 'ClinicalNote.body');
    expect(a).toMatch(/^enc:v1:k1:/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('sleep');
    expect(cipher.decrypt(a, 'ClinicalNote.body')).toBe('Client reports improved sleep.');
  });

  it('detects tampering and a value moved to another field', () => {
    const stored = cipher.encrypt('secret', 'Message.body');
    const parts = stored.split(':');
    parts[4] = Buffer.from('x' + Buffer.from(parts[4]!, 'base64url').toString('latin1')).toString('base64url');
    expect(() => cipher.decrypt(parts.join(':'), 'Message.body')).toThrow(/integrity/);
    expect(() => cipher.decrypt(stored, 'ClinicalNote.body')).toThrow(/integrity/);
  });

  it('reads values of older keys after rotation and encrypts with the newest', () => {
    const k1 = key();
    const old = createFieldCipher({ SOLACE_ENCRYPTION_KEYS: `k1:${k1}` }).encrypt('before rotation', 'ClinicalNote.body');
    const rotated = createFieldCipher({ SOLACE_ENCRYPTION_KEYS: `k2:${key()},k1:${k1}` });
    expect(rotated.decrypt(old, 'ClinicalNote.body')).toBe('before rotation');
    expect(rotated.isEncryptedWithCurrentKey(old)).toBe(false);
    expect(rotated.encrypt('after', 'ClinicalNote.body')).toMatch(/^enc:v1:k2:/);
  });

  it('passes plain legacy values through and refuses unknown keys', () => {
    expect(cipher.decrypt('written before encryption', 'Message.body')).toBe('written before encryption');
    expect(() => cipher.decrypt('enc:v1:gone:a:b:c', 'Message.body')).toThrow(/No encryption key "gone"/);
  });

  it('gives a stable keyed blind index for exact lookups', () => {
    const other = createFieldCipher({ SOLACE_ENCRYPTION_KEYS: `k1:${key()}`, SOLACE_BLIND_INDEX_KEY: 'another' });
    expect(cipher.blindIndex(' ABC123 ', 'Client.memberId')).toBe(cipher.blindIndex('abc123', 'Client.memberId'));
    expect(cipher.blindIndex('abc123', 'Client.memberId')).not.toBe(other.blindIndex('abc123', 'Client.memberId'));
  });

  it('refuses malformed key rings and missing production keys', () => {
    expect(() => createFieldCipher({ SOLACE_ENCRYPTION_KEYS: 'k1:short' })).toThrow(/32 bytes/);
    expect(() => createFieldCipher({ NODE_ENV: 'production' })).toThrow(/must be set in production/);
  });
});
