import { jwtVerify, SignJWT, errors as joseErrors } from 'jose';
import { DomainError } from '../errors';
import { ROLES, type AuthClaims, type RoleName } from './claims';

const ISSUER = 'solace';
const AUDIENCE = 'solace-api';
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;

const key = (secret: string) => new TextEncoder().encode(secret);

export async function signAccessToken(
  claims: Omit<AuthClaims, 'exp'>,
  secret: string,
  ttlSeconds = ACCESS_TOKEN_TTL_SECONDS,
): Promise<{ token: string; expiresAt: Date }> {
  const exp = Math.floor(Date.now() / 1000) + ttlSeconds;
  const token = await new SignJWT({ practiceId: claims.practiceId, roles: claims.roles, sid: claims.sid, ...(claims.clientId ? { clientId: claims.clientId } : {}) })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(exp)
    .sign(key(secret));
  return { token, expiresAt: new Date(exp * 1000) };
}

/** Verifies signature, issuer, audience and expiry; throws UNAUTHENTICATED with a reason otherwise. */
export async function verifyAccessToken(token: string, secret: string): Promise<AuthClaims> {
  try {
    const { payload } = await jwtVerify(token, key(secret), { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'] });
    const roles = Array.isArray(payload.roles) ? payload.roles.filter((r): r is RoleName => ROLES.includes(r as RoleName)) : [];
    if (typeof payload.sub !== 'string' || typeof payload.practiceId !== 'string' || typeof payload.sid !== 'string' || typeof payload.exp !== 'number') {
      throw new DomainError('UNAUTHENTICATED', 'The access token is missing claims.');
    }
    const claims: AuthClaims = { sub: payload.sub, practiceId: payload.practiceId, roles, sid: payload.sid, exp: payload.exp };
    if (typeof payload.clientId === 'string') claims.clientId = payload.clientId;
    // A CLIENT token without the client it belongs to could not be scoped: refuse it outright.
    if (roles.includes('CLIENT') && !claims.clientId) throw new DomainError('UNAUTHENTICATED', 'The access token is missing claims.');
    return claims;
  } catch (error) {
    if (error instanceof DomainError) throw error;
    const message = error instanceof joseErrors.JWTExpired ? 'The access token has expired.' : 'The access token is not valid.';
    throw new DomainError('UNAUTHENTICATED', message, { cause: error });
  }
}

const MFA_AUDIENCE = 'solace-mfa';
const MFA_ENROLL_AUDIENCE = 'solace-mfa-enroll';
export const MFA_CHALLENGE_TTL_SECONDS = 5 * 60;
/** Long enough to install an authenticator app and scan the code. */
export const MFA_ENROLLMENT_TTL_SECONDS = 15 * 60;

/**
 * Proof that the password step succeeded. `verify`: exchanged with a second factor within five
 * minutes. `enroll`: the practice requires a second factor the user has not set up yet; it allows
 * only enrolling one, within fifteen minutes. Each is refused where the other is expected.
 */
export async function signMfaChallenge(userId: string, secret: string, purpose: 'verify' | 'enroll' = 'verify'): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(userId)
    .setIssuer(ISSUER)
    .setAudience(purpose === 'verify' ? MFA_AUDIENCE : MFA_ENROLL_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${purpose === 'verify' ? MFA_CHALLENGE_TTL_SECONDS : MFA_ENROLLMENT_TTL_SECONDS}s`)
    .sign(key(secret));
}

export async function verifyMfaChallenge(token: string, secret: string, purpose: 'verify' | 'enroll' = 'verify'): Promise<string> {
  try {
    const audience = purpose === 'verify' ? MFA_AUDIENCE : MFA_ENROLL_AUDIENCE;
    const { payload } = await jwtVerify(token, key(secret), { issuer: ISSUER, audience, algorithms: ['HS256'] });
    if (typeof payload.sub !== 'string') throw new Error('no subject');
    return payload.sub;
  } catch (cause) {
    throw new DomainError('UNAUTHENTICATED', 'The sign-in step has expired; enter your password again.', { cause });
  }
}
