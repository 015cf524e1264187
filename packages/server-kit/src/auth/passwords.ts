// Staff password hashing: argon2id (OWASP's recommended parameters, the library's defaults:
// 19 MiB, 2 iterations, 1 lane). The stored string names its algorithm; hashes written before
// argon2id (scrypt, the walking skeleton's) still verify, and `needsRehash` tells sign-in to upgrade them.
import { hash as argon2Hash, verify as argon2Verify } from '@node-rs/argon2';
import { scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scrypt = promisify(scryptCallback) as (password: string, salt: Buffer, keylen: number) => Promise<Buffer>;

export async function hashPassword(password: string): Promise<string> {
  return argon2Hash(password);
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  if (stored.startsWith('$argon2id$')) {
    try {
      return await argon2Verify(stored, password);
    } catch {
      return false;
    }
  }
  const [algorithm, salt, hash] = stored.split('$');
  if (algorithm !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await scrypt(password, Buffer.from(salt, 'base64url'), expected.length);
  return timingSafeEqual(expected, actual);
}

export function needsRehash(stored: string): boolean {
  return !stored.startsWith('$argon2id$');
}
