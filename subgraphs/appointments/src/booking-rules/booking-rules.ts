// Consent rules a booking must pass (requirements: informed consent renewed yearly, telehealth
// consent, guardian consent for minors). A client's first visit is the exception for informed and
// telehealth consent: new clients book before their intake paperwork (online booking creates them),
// and the forms are signed before that first session. A minor never books without guardian consent.
import { DomainError } from '@solace/server-kit';

export interface BookingFacts {
  dateOfBirth: Date;
  informedConsentExpiresAt: Date | null;
  hasTelehealthConsent: boolean;
  hasGuardianConsent: boolean;
}

export type ConsentReason = 'GUARDIAN_CONSENT_MISSING' | 'INFORMED_CONSENT_MISSING' | 'INFORMED_CONSENT_EXPIRED' | 'TELEHEALTH_CONSENT_MISSING';

const refuse = (reason: ConsentReason, message: string) => new DomainError('CONSENT_REQUIRED', message, { details: { reason } });

/** Age in whole years on the appointment's date. */
export function ageOn(dateOfBirth: Date, on: Date): number {
  let age = on.getUTCFullYear() - dateOfBirth.getUTCFullYear();
  const beforeBirthday = on.getUTCMonth() < dateOfBirth.getUTCMonth() || (on.getUTCMonth() === dateOfBirth.getUTCMonth() && on.getUTCDate() < dateOfBirth.getUTCDate());
  if (beforeBirthday) age -= 1;
  return age;
}

export function checkConsents(facts: BookingFacts, booking: { startsAt: Date; telehealth: boolean; firstVisit: boolean }): void {
  if (ageOn(facts.dateOfBirth, booking.startsAt) < 18 && !facts.hasGuardianConsent) {
    throw refuse('GUARDIAN_CONSENT_MISSING', 'This client is a minor: record a guardian’s consent before booking.');
  }
  if (booking.firstVisit) return;
  if (!facts.informedConsentExpiresAt) throw refuse('INFORMED_CONSENT_MISSING', 'Record the client’s informed consent before booking another session.');
  if (facts.informedConsentExpiresAt <= booking.startsAt) {
    throw refuse('INFORMED_CONSENT_EXPIRED', 'The client’s informed consent will have expired by then; renew it before booking.');
  }
  if (booking.telehealth && !facts.hasTelehealthConsent) throw refuse('TELEHEALTH_CONSENT_MISSING', 'Record the client’s telehealth consent before booking a video session.');
}
