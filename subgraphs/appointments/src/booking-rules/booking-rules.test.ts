import { describe, expect, it } from 'vitest';
import { ageOn, checkConsents, type BookingFacts } from './booking-rules';

const adult: BookingFacts = { dateOfBirth: new Date('1990-04-12'), informedConsentExpiresAt: new Date('2031-01-01T00:00:00Z'), hasTelehealthConsent: false, hasGuardianConsent: false };
const visit = { startsAt: new Date('2030-06-01T15:00:00Z'), telehealth: false, firstVisit: false };
const reasonOf = (run: () => void) => {
  try {
    run();
    return 'ALLOWED';
  } catch (error) {
    expect((error as { code: string }).code).toBe('CONSENT_REQUIRED');
    return (error as { details: { reason: string } }).details.reason;
  }
};

describe('booking consent rules', () => {
  it('needs current informed consent for a follow-up, and telehealth consent for video', () => {
    expect(reasonOf(() => checkConsents(adult, visit))).toBe('ALLOWED');
    expect(reasonOf(() => checkConsents({ ...adult, informedConsentExpiresAt: null }, visit))).toBe('INFORMED_CONSENT_MISSING');
    expect(reasonOf(() => checkConsents({ ...adult, informedConsentExpiresAt: new Date('2030-06-01T00:00:00Z') }, visit))).toBe('INFORMED_CONSENT_EXPIRED');
    expect(reasonOf(() => checkConsents(adult, { ...visit, telehealth: true }))).toBe('TELEHEALTH_CONSENT_MISSING');
    expect(reasonOf(() => checkConsents({ ...adult, hasTelehealthConsent: true }, { ...visit, telehealth: true }))).toBe('ALLOWED');
  });

  it('lets a new client book a first visit before the paperwork, but never a minor without a guardian’s consent', () => {
    expect(reasonOf(() => checkConsents({ ...adult, informedConsentExpiresAt: null }, { ...visit, telehealth: true, firstVisit: true }))).toBe('ALLOWED');
    const minor = { ...adult, dateOfBirth: new Date('2015-06-02') };
    expect(reasonOf(() => checkConsents(minor, { ...visit, firstVisit: true }))).toBe('GUARDIAN_CONSENT_MISSING');
    expect(reasonOf(() => checkConsents({ ...minor, hasGuardianConsent: true }, visit))).toBe('ALLOWED');
  });

  it('counts age on the appointment date', () => {
    expect(ageOn(new Date('2012-06-02'), new Date('2030-06-01T15:00:00Z'))).toBe(17);
    expect(ageOn(new Date('2012-06-01'), new Date('2030-06-01T15:00:00Z'))).toBe(18);
  });
});
