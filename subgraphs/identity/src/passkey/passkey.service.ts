// Passkeys (WebAuthn, via @simplewebauthn/server): staff register them while signed in and can
// then sign in with one instead of password + code. A passkey proves possession of the device and
// the user's verification on it (fingerprint, face, PIN), so it is multi-factor by itself and
// satisfies the practice's two-step requirement. Sign-in is usernameless (discoverable
// credentials): the browser offers the passkeys it holds for this site.
import { DomainError, notFound, type AuthClaims } from '@solace/server-kit';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransport,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { LOCK_MINUTES, MAX_FAILED_SIGN_INS, type AuthService, type ClientMeta } from '../auth/auth.service';
import type { StaffUserRepository } from '../staff-user/staff-user.repository';
import type { PasskeyChallenges } from './passkey-challenges';
import type { PasskeyRepository } from './passkey.repository';
import type { Passkey, PasskeyChallenge } from './passkey.type';

export interface RelyingParty {
  /** The web app's domain (SOLACE_PASSKEY_RP_ID). */
  id: string;
  /** Origins the web app is served from (SOLACE_WEB_ORIGINS). */
  origins: string[];
}

const NOT_RECOGNIZED = 'That passkey was not recognized; sign in with your password, or try another passkey.';
const EXPIRED = 'The passkey request expired; try again.';

function parse<T>(json: string): T {
  try {
    return JSON.parse(json) as T;
  } catch (cause) {
    throw new DomainError('BAD_USER_INPUT', 'The passkey response is not valid JSON.', { cause });
  }
}

export class PasskeyService {
  constructor(
    private readonly passkeys: PasskeyRepository,
    private readonly challenges: PasskeyChallenges,
    private readonly staff: StaffUserRepository,
    private readonly auth: AuthService,
    private readonly rp: RelyingParty,
  ) {}

  list(user: AuthClaims): Promise<Passkey[]> {
    return this.passkeys.listForUser(user.practiceId, user.sub);
  }

  async registrationOptions(user: AuthClaims): Promise<PasskeyChallenge> {
    const me = await this.staff.findInPractice(user.practiceId, user.sub);
    if (!me) throw notFound('StaffUser', user.sub);
    const existing = await this.passkeys.credentialIdsForUser(user.practiceId, user.sub);
    const options = await generateRegistrationOptions({
      rpName: 'Solace',
      rpID: this.rp.id,
      userName: me.email,
      userDisplayName: me.displayName,
      userID: new TextEncoder().encode(me.id),
      attestationType: 'none',
      excludeCredentials: existing.map((c) => ({ id: c.credentialId, transports: c.transports as AuthenticatorTransport[] })),
      authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
    });
    const challengeId = await this.challenges.put('register', { challenge: options.challenge, userId: user.sub });
    return { challengeId, optionsJson: JSON.stringify(options) };
  }

  async register(user: AuthClaims, challengeId: string, name: string, responseJson: string): Promise<Passkey> {
    const stored = await this.challenges.take('register', challengeId);
    if (!stored || stored.userId !== user.sub) throw new DomainError('INVALID_TOKEN', EXPIRED, { details: { reason: 'CHALLENGE_EXPIRED' } });
    let verified;
    try {
      verified = await verifyRegistrationResponse({
        response: parse<RegistrationResponseJSON>(responseJson),
        expectedChallenge: stored.challenge,
        expectedOrigin: this.rp.origins,
        expectedRPID: this.rp.id,
        requireUserVerification: true,
      });
    } catch (cause) {
      if (cause instanceof DomainError) throw cause;
      throw new DomainError('BAD_USER_INPUT', 'The passkey could not be verified; try again.', { cause, details: { reason: 'PASSKEY_NOT_VERIFIED' } });
    }
    if (!verified.verified) throw new DomainError('BAD_USER_INPUT', 'The passkey could not be verified; try again.', { details: { reason: 'PASSKEY_NOT_VERIFIED' } });
    const { credential, credentialDeviceType, credentialBackedUp } = verified.registrationInfo;
    const created = await this.passkeys.create({
      practiceId: user.practiceId,
      userId: user.sub,
      credentialId: credential.id,
      publicKey: credential.publicKey,
      counter: credential.counter,
      transports: credential.transports ?? [],
      deviceType: credentialDeviceType,
      backedUp: credentialBackedUp,
      name: name.trim() || 'Passkey',
    });
    // The browser normally refuses this itself (excludeCredentials); a replayed response does not.
    if (!created) throw new DomainError('CONFLICT', 'This passkey is already registered.', { details: { reason: 'PASSKEY_ALREADY_REGISTERED' } });
    return created;
  }

  async rename(user: AuthClaims, id: string, name: string): Promise<Passkey> {
    const trimmed = name.trim();
    if (trimmed.length < 1 || trimmed.length > 60) throw new DomainError('BAD_USER_INPUT', 'Give the passkey a name of 1 to 60 characters.', { details: { reason: 'PASSKEY_NAME' } });
    const renamed = await this.passkeys.rename(user.practiceId, user.sub, id, trimmed);
    if (!renamed) throw notFound('Passkey', id);
    return renamed;
  }

  async remove(user: AuthClaims, id: string): Promise<boolean> {
    if (!(await this.passkeys.delete(user.practiceId, user.sub, id))) throw notFound('Passkey', id);
    return true;
  }

  async signInOptions(): Promise<PasskeyChallenge> {
    const options = await generateAuthenticationOptions({ rpID: this.rp.id, userVerification: 'required' });
    const challengeId = await this.challenges.put('sign-in', { challenge: options.challenge });
    return { challengeId, optionsJson: JSON.stringify(options) };
  }

  /** Runs in the system scope: which practice the passkey belongs to is what it tells us. */
  async signIn(challengeId: string, responseJson: string, meta: ClientMeta, now = new Date()) {
    const stored = await this.challenges.take('sign-in', challengeId);
    if (!stored) throw new DomainError('UNAUTHENTICATED', EXPIRED, { details: { reason: 'CHALLENGE_EXPIRED' } });
    const response = parse<AuthenticationResponseJSON>(responseJson);
    const credential = typeof response?.id === 'string' ? await this.passkeys.findByCredentialId(response.id) : null;
    if (!credential) throw new DomainError('UNAUTHENTICATED', NOT_RECOGNIZED, { details: { reason: 'PASSKEY_NOT_RECOGNIZED' } });
    // Like a password sign-in, a locked account is refused before anything counts as another failure.
    await this.auth.signInAllowed(credential.userId, now);
    let verified = false;
    let newCounter = credential.counter;
    try {
      const result = await verifyAuthenticationResponse({
        response,
        expectedChallenge: stored.challenge,
        expectedOrigin: this.rp.origins,
        expectedRPID: this.rp.id,
        credential: { id: credential.credentialId, publicKey: credential.publicKey, counter: credential.counter, transports: credential.transports as AuthenticatorTransport[] },
        requireUserVerification: true,
      });
      verified = result.verified;
      newCounter = result.authenticationInfo.newCounter;
    } catch {
      verified = false;
    }
    // A known passkey with a bad signature counts as a failed sign-in (and towards the lockout).
    if (!verified || !(await this.passkeys.recordUse(credential, newCounter, now))) {
      await this.staff.recordFailedSignIn(credential.userId, MAX_FAILED_SIGN_INS, LOCK_MINUTES);
      throw new DomainError('UNAUTHENTICATED', NOT_RECOGNIZED, { details: { reason: 'PASSKEY_NOT_VERIFIED' } });
    }
    return this.auth.signInVerified(credential.userId, meta, now);
  }
}
