// Clinicians keep their own professional details (credentials, NPI, licence); admins keep anyone's
// in their practice. Other staff can read them (the calendar, signatures) but not change them.
import { cleanedText, forbidden, notFound, type AuthClaims } from '@solace/server-kit';
import type { StaffUserRepository } from '../staff-user/staff-user.repository';
import type { StaffUser } from '../staff-user/staff-user.type';
import type { StaffLicense, StaffProfessionalDetailsInput } from './professional-details.type';

const RENEWAL_WINDOW_DAYS = 60;
const DAY_MS = 86_400_000;


export function licenseOf(staff: StaffUser, today = new Date()): StaffLicense | null {
  if (!staff.licenseNumber || !staff.licenseState) return null;
  const expiresOn = staff.licenseExpiresOn ? staff.licenseExpiresOn.toISOString().slice(0, 10) : null;
  const renewalDue = !!staff.licenseExpiresOn && staff.licenseExpiresOn.getTime() - today.getTime() < RENEWAL_WINDOW_DAYS * DAY_MS;
  return { number: staff.licenseNumber, state: staff.licenseState, expiresOn, renewalDue };
}

export class ProfessionalDetailsService {
  constructor(private readonly staff: StaffUserRepository) {}

  async update(user: AuthClaims, id: string, input: StaffProfessionalDetailsInput): Promise<StaffUser> {
    // Existence first: every staff member can list the practice's staff anyway.
    if (!(await this.staff.findInPractice(user.practiceId, id))) throw notFound('StaffUser', id);
    if (id !== user.sub && !user.roles.includes('ADMIN')) throw forbidden('Only admins change someone else’s professional details.');
    const license = input.license === undefined ? {} : {
      licenseNumber: input.license?.number.trim().toUpperCase() ?? null,
      licenseState: input.license?.state ?? null,
      licenseExpiresOn: input.license?.expiresOn ? new Date(`${input.license.expiresOn}T00:00:00Z`) : null,
    };
    return this.staff.updateProfessionalDetails(user.practiceId, id, { credentials: cleanedText(input.credentials), npi: cleanedText(input.npi), ...license });
  }
}
