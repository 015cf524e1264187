import { describe, expect, it } from 'vitest';
import { expiryFor, stateOf, summarise } from './consent-rules';

const now = new Date('2026-11-23T12:00:00Z');
const days = (n: number) => new Date(now.getTime() + n * 86_400_000);

describe('consent rules', () => {
  it('informed consent expires a year after signing (same day and time next year)', () => {
    expect(expiryFor('INFORMED_CONSENT', new Date('2026-03-10T15:00:00Z'))).toEqual(new Date('2027-03-10T15:00:00Z'));
    expect(expiryFor('TELEHEALTH', now)).toBeNull();
    expect(expiryFor('GUARDIAN', now)).toBeNull();
  });

  it('is current, expiring within 30 days, expired or revoked', () => {
    expect(stateOf({ expiresAt: days(31), revokedAt: null }, now)).toBe('CURRENT');
    expect(stateOf({ expiresAt: days(30), revokedAt: null }, now)).toBe('EXPIRING');
    expect(stateOf({ expiresAt: days(0), revokedAt: null }, now)).toBe('EXPIRED');
    expect(stateOf({ expiresAt: null, revokedAt: null }, now)).toBe('CURRENT');
    expect(stateOf({ expiresAt: days(100), revokedAt: days(-1) }, now)).toBe('REVOKED');
  });

  it('summarises: the latest live informed consent counts; guardian consent only matters for minors', () => {
    const consents = [
      { kind: 'INFORMED_CONSENT' as const, expiresAt: days(-10), revokedAt: null },
      { kind: 'INFORMED_CONSENT' as const, expiresAt: days(200), revokedAt: days(-1) },
      { kind: 'INFORMED_CONSENT' as const, expiresAt: days(20), revokedAt: null },
      { kind: 'TELEHEALTH' as const, expiresAt: null, revokedAt: days(-2) },
    ];
    expect(summarise(consents, false, now)).toEqual({ informedConsent: 'EXPIRING', informedConsentExpiresAt: days(20), telehealth: false, guardian: 'NOT_NEEDED' });
    expect(summarise([], true, now)).toEqual({ informedConsent: 'MISSING', informedConsentExpiresAt: null, telehealth: false, guardian: 'NO' });
    expect(summarise([{ kind: 'GUARDIAN', expiresAt: null, revokedAt: null }], true, now).guardian).toBe('YES');
  });
});
