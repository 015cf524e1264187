import { DomainError, forbidden, notFound, type AuthClaims } from '@solace/server-kit';
import type { AvailabilityExceptionInput, WorkingHoursBlockInput } from './clinician-hours.input';
import type { ClinicianHoursRepository } from './clinician-hours.repository';
import type { AvailabilityException, WorkingHoursBlock } from './clinician-hours.type';

const MAX_EXCEPTION_DAYS = 366;

export const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
export const timeOf = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** Clinicians keep their own hours; the front desk and admins keep everyone's. */
function mayEditDiaryOf(user: AuthClaims, clinicianId: string): boolean {
  return user.sub === clinicianId || user.roles.some((role) => role === 'ADMIN' || role === 'FRONT_DESK');
}

export class ClinicianHoursService {
  constructor(private readonly hours: ClinicianHoursRepository) {}

  async weeklyHours(user: AuthClaims, clinicianId: string): Promise<WorkingHoursBlock[]> {
    const rows = await this.hours.weeklyHours(user.practiceId, [clinicianId]);
    return rows.map((row) => ({ weekday: row.weekday, startTime: timeOf(row.startMinute), endTime: timeOf(row.endMinute) }));
  }

  async setWeeklyHours(user: AuthClaims, clinicianId: string, blocks: WorkingHoursBlockInput[]): Promise<WorkingHoursBlock[]> {
    await this.checkEditable(user, clinicianId);
    const rows = blocks
      .map((block) => ({ weekday: block.weekday, startMinute: minutesOf(block.startTime), endMinute: minutesOf(block.endTime) }))
      .sort((a, b) => a.weekday - b.weekday || a.startMinute - b.startMinute);
    rows.forEach((row, index) => {
      if (row.endMinute <= row.startMinute) throw new DomainError('BAD_USER_INPUT', `Block ${index + 1} must end after it starts.`, { details: { reason: 'EMPTY_BLOCK' } });
      const previous = rows[index - 1];
      if (previous && previous.weekday === row.weekday && previous.endMinute > row.startMinute) {
        throw new DomainError('BAD_USER_INPUT', `Two blocks on weekday ${row.weekday} overlap.`, { details: { reason: 'OVERLAPPING_BLOCKS' } });
      }
    });
    await this.hours.replaceWeeklyHours(user.practiceId, clinicianId, rows);
    return this.weeklyHours(user, clinicianId);
  }

  exceptions(user: AuthClaims, clinicianId: string, from: Date, to: Date): Promise<AvailabilityException[]> {
    if (!(to > from)) throw new DomainError('BAD_USER_INPUT', '`to` must be after `from`.');
    return this.hours.exceptions(user.practiceId, [clinicianId], from, to);
  }

  async addException(user: AuthClaims, input: AvailabilityExceptionInput): Promise<AvailabilityException> {
    if (!(input.endsAt > input.startsAt)) throw new DomainError('BAD_USER_INPUT', 'Time off or extra hours must end after they start.');
    if (input.endsAt.getTime() - input.startsAt.getTime() > MAX_EXCEPTION_DAYS * 86_400_000) {
      throw new DomainError('BAD_USER_INPUT', `Enter at most ${MAX_EXCEPTION_DAYS} days at a time.`);
    }
    await this.checkEditable(user, input.clinicianId);
    return this.hours.addException(user.practiceId, input);
  }

  async removeException(user: AuthClaims, id: string): Promise<boolean> {
    const exception = await this.hours.findException(user.practiceId, id);
    if (!exception) throw notFound('AvailabilityException', id);
    if (!mayEditDiaryOf(user, exception.clinicianId)) throw forbidden('You can change only your own hours.');
    return this.hours.removeException(user.practiceId, id);
  }

  private async checkEditable(user: AuthClaims, clinicianId: string): Promise<void> {
    // Existence first: every staff member can see who the practice's clinicians are anyway.
    if (!(await this.hours.isActiveClinician(user.practiceId, clinicianId))) {
      throw new DomainError('BAD_USER_INPUT', `Staff user ${clinicianId} is not an active clinician of this practice.`);
    }
    if (!mayEditDiaryOf(user, clinicianId)) throw forbidden('You can change only your own hours.');
  }
}
