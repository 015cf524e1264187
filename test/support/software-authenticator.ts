// A software passkey for integration tests: it answers registration and sign-in options the way a
// platform authenticator does (ES256 key, "none" attestation, user present and verified), so the
// server's real WebAuthn verification runs without a browser. The browser test drives Chromium's
// virtual authenticator instead (test/browser/account-security.browser.test.ts).
import { createHash, generateKeyPairSync, randomBytes, sign } from 'node:crypto';

type Cbor = number | string | Uint8Array | Map<Cbor, Cbor> | { [key: string]: Cbor };

/** Just enough CBOR (RFC 8949, shortest forms) for an attestation object and a COSE key. */
function cbor(value: Cbor): Buffer {
  const head = (major: number, length: number) => {
    if (length < 24) return Buffer.from([(major << 5) | length]);
    if (length < 0x100) return Buffer.from([(major << 5) | 24, length]);
    const bytes = Buffer.alloc(3);
    bytes[0] = (major << 5) | 25;
    bytes.writeUInt16BE(length, 1);
    return bytes;
  };
  if (typeof value === 'number') return value >= 0 ? head(0, value) : head(1, -1 - value);
  if (typeof value === 'string') return Buffer.concat([head(3, Buffer.byteLength(value)), Buffer.from(value)]);
  if (value instanceof Uint8Array) return Buffer.concat([head(2, value.length), value]);
  const entries = value instanceof Map ? [...value.entries()] : Object.entries(value);
  return Buffer.concat([head(5, entries.length), ...entries.flatMap(([key, item]) => [cbor(key), cbor(item)])]);
}

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest();
const b64url = (data: Uint8Array) => Buffer.from(data).toString('base64url');
const FLAGS = { userPresent: 0x01, userVerified: 0x04, attestedCredential: 0x40 };

export class SoftwareAuthenticator {
  readonly credentialId = randomBytes(16);
  private readonly keys = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  private userHandle: string | null = null;
  /** The signature counter it reports next time minus one; a clone would repeat an old value. */
  counter = 0;

  constructor(
    private readonly rpId = 'localhost',
    private readonly origin = 'http://localhost:3000',
  ) {}

  get id(): string {
    return b64url(this.credentialId);
  }

  /** A RegistrationResponseJSON for PublicKeyCredentialCreationOptionsJSON (the server's optionsJson). */
  register(optionsJson: string, options: { origin?: string } = {}): string {
    const creation = JSON.parse(optionsJson) as { challenge: string; user: { id: string } };
    this.userHandle = creation.user.id;
    const { x, y } = this.keys.publicKey.export({ format: 'jwk' });
    const coseKey = cbor(new Map<Cbor, Cbor>([[1, 2], [3, -7], [-1, 1], [-2, Buffer.from(x!, 'base64url')], [-3, Buffer.from(y!, 'base64url')]]));
    const idLength = Buffer.alloc(2);
    idLength.writeUInt16BE(this.credentialId.length);
    const flags = FLAGS.userPresent | FLAGS.userVerified | FLAGS.attestedCredential;
    const authData = Buffer.concat([sha256(this.rpId), Buffer.from([flags]), this.counterBytes(), Buffer.alloc(16), idLength, this.credentialId, coseKey]);
    const clientData = this.clientData('webauthn.create', creation.challenge, options.origin);
    return JSON.stringify({
      id: this.id,
      rawId: this.id,
      type: 'public-key',
      response: { clientDataJSON: b64url(clientData), attestationObject: b64url(cbor({ fmt: 'none', attStmt: {}, authData })), transports: ['internal'] },
      clientExtensionResults: {},
      authenticatorAttachment: 'platform',
    });
  }

  /** An AuthenticationResponseJSON for PublicKeyCredentialRequestOptionsJSON; `counter` forces the reported count. */
  signIn(optionsJson: string, options: { counter?: number } = {}): string {
    const request = JSON.parse(optionsJson) as { challenge: string };
    this.counter = options.counter ?? this.counter + 1;
    const authenticatorData = Buffer.concat([sha256(this.rpId), Buffer.from([FLAGS.userPresent | FLAGS.userVerified]), this.counterBytes()]);
    const clientData = this.clientData('webauthn.get', request.challenge);
    // ES256 signatures are DER-encoded, which is node's default for EC keys.
    const signature = sign('sha256', Buffer.concat([authenticatorData, sha256(clientData)]), this.keys.privateKey);
    return JSON.stringify({
      id: this.id,
      rawId: this.id,
      type: 'public-key',
      response: { clientDataJSON: b64url(clientData), authenticatorData: b64url(authenticatorData), signature: b64url(signature), userHandle: this.userHandle ?? undefined },
      clientExtensionResults: {},
      authenticatorAttachment: 'platform',
    });
  }

  private clientData(type: 'webauthn.create' | 'webauthn.get', challenge: string, origin = this.origin): Buffer {
    return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
  }

  private counterBytes(): Buffer {
    const bytes = Buffer.alloc(4);
    bytes.writeUInt32BE(this.counter);
    return bytes;
  }
}
