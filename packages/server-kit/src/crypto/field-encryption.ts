// Encryption at rest for the most sensitive fields (note bodies, messages; later journal text and
// member ids): AES-256-GCM with a fresh IV per value and the key id stored beside it, so keys can
// rotate (the newest key encrypts, any listed key decrypts; `npm run keys:rotate` re-encrypts).
// The field name is authenticated data, so a value cannot be moved to another column unnoticed.
// Stored form: enc:v1:<keyId>:<iv>:<ciphertext>:<tag> (base64url parts).
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { DomainError } from '../errors';

const PREFIX = 'enc:v1:';
// Development-only keys (32 zero-ish bytes would be too obviously fake to notice; these are labelled).
const DEV_KEYS = 'dev1:c29sYWNlLWRldmVsb3BtZW50LWtleS0wMDAwMDAwMDA';
const DEV_BLIND_INDEX_KEY = 'solace-development-blind-index-key';

export interface FieldCipher {
  readonly currentKeyId: string;
  encrypt(plaintext: string, field: string): string;
  /** Plain values written before encryption was switched on are returned as they are. */
  decrypt(stored: string, field: string): string;
  isEncryptedWithCurrentKey(stored: string): boolean;
  /** Keyed hash for exact-match lookup of an encrypted identifier (e.g. a member id). */
  blindIndex(value: string, field: string): string;
}

export function parseKeyRing(spec: string): Map<string, Buffer> {
  const ring = new Map<string, Buffer>();
  for (const entry of spec.split(',').map((e) => e.trim()).filter(Boolean)) {
    const [id, material] = entry.split(':');
    const key = Buffer.from(material ?? '', 'base64url');
    if (!id || !/^[A-Za-z0-9_-]{1,32}$/.test(id) || key.length !== 32) {
      throw new Error(`SOLACE_ENCRYPTION_KEYS entry "${id ?? ''}" must be <id>:<32 bytes in base64url>.`);
    }
    ring.set(id, key);
  }
  if (ring.size === 0) throw new Error('SOLACE_ENCRYPTION_KEYS lists no key.');
  return ring;
}

export function createFieldCipher(env: NodeJS.ProcessEnv = process.env): FieldCipher {
  const production = env.NODE_ENV === 'production';
  if (production && (!env.SOLACE_ENCRYPTION_KEYS || !env.SOLACE_BLIND_INDEX_KEY)) {
    throw new Error('SOLACE_ENCRYPTION_KEYS and SOLACE_BLIND_INDEX_KEY must be set in production.');
  }
  const ring = parseKeyRing(env.SOLACE_ENCRYPTION_KEYS ?? DEV_KEYS);
  const currentKeyId = [...ring.keys()][0]!;
  const blindKey = env.SOLACE_BLIND_INDEX_KEY ?? DEV_BLIND_INDEX_KEY;

  return {
    currentKeyId,
    encrypt(plaintext, field) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', ring.get(currentKeyId)!, iv);
      cipher.setAAD(Buffer.from(field));
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return `${PREFIX}${currentKeyId}:${iv.toString('base64url')}:${ciphertext.toString('base64url')}:${cipher.getAuthTag().toString('base64url')}`;
    },
    decrypt(stored, field) {
      if (!stored.startsWith(PREFIX)) return stored;
      const [keyId, iv, ciphertext, tag] = stored.slice(PREFIX.length).split(':');
      const key = keyId ? ring.get(keyId) : undefined;
      if (!key || iv === undefined || ciphertext === undefined || tag === undefined) {
        throw new DomainError('INTERNAL_SERVER_ERROR', `No encryption key "${keyId}" to read ${field}.`);
      }
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
        decipher.setAAD(Buffer.from(field));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
      } catch (cause) {
        throw new DomainError('INTERNAL_SERVER_ERROR', `An encrypted ${field} failed its integrity check.`, { cause });
      }
    },
    isEncryptedWithCurrentKey: (stored) => stored.startsWith(`${PREFIX}${currentKeyId}:`),
    blindIndex: (value, field) => createHmac('sha256', blindKey).update(field).update('\0').update(value.trim().toLowerCase()).digest('hex'),
  };
}
