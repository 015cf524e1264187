import type { PrismaClient } from '@solace/server-kit';
import type { BookingFacts } from './booking-rules';

const ACTIVE = ['SCHEDULED', 'CHECKED_IN', 'COMPLETED'] as const;

/**
 * Reads the patients domain's ClientBookingFacts view (its published, read-only contract for
 * booking rules; security_invoker, so row-level security applies) and this domain's own visits.
 */
export class BookingRulesRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async facts(practiceId: string, clientId: string): Promise<BookingFacts | null> {
    const rows = await this.prisma.$queryRaw<BookingFacts[]>`
      select "dateOfBirth", "informedConsentExpiresAt", "hasTelehealthConsent", "hasGuardianConsent"
      from "ClientBookingFacts" where "practiceId" = ${practiceId}::uuid and "clientId" = ${clientId}::uuid`;
    return rows[0] ?? null;
  }

  async hasVisits(practiceId: string, clientId: string): Promise<boolean> {
    return (await this.prisma.appointment.count({ where: { practiceId, clientId, status: { in: [...ACTIVE] } } })) > 0;
  }
}
