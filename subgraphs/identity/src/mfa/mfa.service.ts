// TOTP second factor (RFC 6238 via otplib): enrollment shows an otpauth URI and QR code, the first
// code confirms it and yields ten one-time recovery codes. The secret is encrypted at rest; a code
// is accepted once (later time steps only), within ±30 s of clock drift.
import { createHash, randomBytes } from 'node:crypto';
import { DomainError, type FieldCipher } from '@solace/server-kit';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import type { MfaRepository } from './mfa.repository';

export const MFA_SECRET_FIELD = 'StaffUser.mfaSecret';
const ISSUER = 'Solace';
const RECOVERY_CODES = 10;
/** TOTP results carry the matched time step (HOTP results do not; we only verify TOTP). */
const timeStepOf = (result: object): number => ('timeStep' in result && typeof result.timeStep === 'number' ? result.timeStep : 0);
const hashCode = (code: string) => createHash('sha256').update(code.replace(/[\s-]/g, '').toLowerCase()).digest('hex');

export class MfaService {
  constructor(
    private readonly mfa: MfaRepository,
    private readonly cipher: FieldCipher,
  ) {}

  async startEnrollment(userId: string) {
    const state = await this.mfa.state(userId);
    if (!state) throw new DomainError('NOT_FOUND', 'Your account was not found.');
    const secret = generateSecret();
    await this.mfa.setPendingSecret(userId, this.cipher.encrypt(secret, MFA_SECRET_FIELD));
    const otpauthUri = generateURI({ issuer: ISSUER, label: state.email, secret });
    return { secret, otpauthUri, qrCodeSvg: await QRCode.toString(otpauthUri, { type: 'svg', margin: 1 }) };
  }

  async confirmEnrollment(userId: string, code: string): Promise<string[]> {
    const state = await this.mfa.state(userId);
    if (!state?.mfaPendingSecret) throw new DomainError('CONFLICT', 'Start enrollment first.', { details: { reason: 'NO_PENDING_ENROLLMENT' } });
    const secret = this.cipher.decrypt(state.mfaPendingSecret, MFA_SECRET_FIELD);
    const result = await verify({ secret, token: code.trim(), epochTolerance: 30 });
    if (!result.valid) throw new DomainError('MFA_INVALID_CODE', 'That code is not valid; check the time on your device and try the current code.');
    const recoveryCodes = Array.from({ length: RECOVERY_CODES }, () => randomBytes(5).toString('hex').replace(/(.{5})/, '$1-'));
    await this.mfa.enable(state, this.cipher.encrypt(secret, MFA_SECRET_FIELD), timeStepOf(result), recoveryCodes.map(hashCode));
    return recoveryCodes;
  }

  /** Checks a TOTP code or an unused recovery code for a user with MFA on. */
  async verifySecondFactor(userId: string, code: string): Promise<boolean> {
    const state = await this.mfa.state(userId);
    if (!state?.mfaSecret) return false;
    const cleaned = code.trim();
    if (/^\d{6}$/.test(cleaned)) {
      const result = await verify({
        secret: this.cipher.decrypt(state.mfaSecret, MFA_SECRET_FIELD),
        token: cleaned,
        epochTolerance: 30,
        ...(state.mfaLastTimeStep === null ? {} : { afterTimeStep: state.mfaLastTimeStep }),
      });
      return result.valid && (await this.mfa.acceptTimeStep(userId, timeStepOf(result)));
    }
    return this.mfa.useRecoveryCode(userId, hashCode(cleaned));
  }

  async isEnabled(userId: string): Promise<boolean> {
    return !!(await this.mfa.state(userId))?.mfaEnabledAt;
  }

  /** A passkey is a second factor too (it proves the device and the person's verification on it). */
  hasPasskey(userId: string): Promise<boolean> {
    return this.mfa.hasPasskey(userId);
  }
}
