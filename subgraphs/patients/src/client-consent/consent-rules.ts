// The consent rules in one place: expiry of informed consent, what "expiring" means, and the
// summary the chart and the booking rules use.
import type { ClientConsentStatus, ConsentKind, ConsentState } from './client-consent.type';

export const EXPIRING_WITHIN_DAYS = 30;
const DAY_MS = 86_400_000;

/** Informed consent is renewed yearly; the other kinds last until revoked. */
export function expiryFor(kind: ConsentKind, signedAt: Date): Date | null {
  if (kind !== 'INFORMED_CONSENT') return null;
  const expires = new Date(signedAt);
  expires.setUTCFullYear(expires.getUTCFullYear() + 1);
  return expires;
}

export function stateOf(consent: { expiresAt: Date | null; revokedAt: Date | null }, now: Date): ConsentState {
  if (consent.revokedAt) return 'REVOKED';
  if (!consent.expiresAt) return 'CURRENT';
  if (consent.expiresAt.getTime() <= now.getTime()) return 'EXPIRED';
  if (consent.expiresAt.getTime() <= now.getTime() + EXPIRING_WITHIN_DAYS * DAY_MS) return 'EXPIRING';
  return 'CURRENT';
}

export function summarise(
  consents: ReadonlyArray<{ kind: ConsentKind; expiresAt: Date | null; revokedAt: Date | null }>,
  isMinor: boolean,
  now: Date,
): ClientConsentStatus {
  const live = consents.filter((c) => !c.revokedAt);
  const informed = live.filter((c) => c.kind === 'INFORMED_CONSENT').sort((a, b) => (b.expiresAt?.getTime() ?? 0) - (a.expiresAt?.getTime() ?? 0))[0];
  return {
    informedConsent: informed ? stateOf(informed, now) : 'MISSING',
    informedConsentExpiresAt: informed?.expiresAt ?? null,
    telehealth: live.some((c) => c.kind === 'TELEHEALTH'),
    guardian: !isMinor ? 'NOT_NEEDED' : live.some((c) => c.kind === 'GUARDIAN') ? 'YES' : 'NO',
  };
}
