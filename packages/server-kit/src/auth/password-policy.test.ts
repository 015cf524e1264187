import { describe, expect, it } from 'vitest';
import { hashPassword, needsRehash, verifyPassword } from './passwords';
import { assertPasswordPolicy, passwordProblems } from './password-policy';

describe('password policy', () => {
  it('accepts a long, varied, uncommon password', () => {
    expect(passwordProblems('Violet-harbor-42-lantern')).toEqual([]);
  });

  it('names every rule a password breaks', () => {
    expect(passwordProblems('qzkvwx')).toEqual([
      'Use at least 12 characters.',
      'Add an upper-case letter.',
      'Add a digit.',
      'Add a symbol.',
    ]);
  });

  it('refuses common passwords even when dressed up', () => {
    expect(passwordProblems('Password123!')).toContain('This password is too common; choose another.');
    expect(passwordProblems('Sunshine2024!!')).toContain('This password is too common; choose another.');
  });

  it("refuses the user's own name or email", () => {
    expect(passwordProblems('Maya.Patel-2026!', { email: 'maya.patel@clinic.test' })).toContain('Do not use your name or email in your password.');
    expect(passwordProblems('Xq!Okafor-9-zebra', { displayName: 'Sam Okafor' })).toContain('Do not use your name or email in your password.');
  });

  it('throws WEAK_PASSWORD with the problems', () => {
    expect(() => assertPasswordPolicy('abc')).toThrow(expect.objectContaining({ code: 'WEAK_PASSWORD' }));
  });
});

describe('password hashing', () => {
  it('hashes with argon2id and verifies', async () => {
    const stored = await hashPassword('Violet-harbor-42-lantern');
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword('Violet-harbor-42-lantern', stored)).toBe(true);
    expect(await verifyPassword('violet-harbor-42-lantern', stored)).toBe(false);
    expect(needsRehash(stored)).toBe(false);
  });

  it('still verifies a legacy scrypt hash and asks for a rehash', async () => {
    const legacy = 'scrypt$AAAAAAAAAAAAAAAAAAAAAA$' + 'A'.repeat(43);
    expect(await verifyPassword('anything', legacy)).toBe(false);
    expect(needsRehash(legacy)).toBe(true);
  });
});
