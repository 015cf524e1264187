import type { PrismaClient } from '@solace/server-kit';
import { GEORGIA_COMPLIANCE_RULES } from '@solace/workers';

export interface BillableSession {
  appointmentId: string;
  startsAt: Date;
  note: { id: string; status: string } | null;
}

/** Read-only look at what decides a billing hold: the session, its note, the practice's clock and rules. */
export class BillingHoldRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async sessions(practiceId: string, appointmentIds: readonly string[]): Promise<BillableSession[]> {
    const ids = [...appointmentIds];
    const [appointments, notes] = await Promise.all([
      this.prisma.appointment.findMany({ where: { practiceId, id: { in: ids } }, select: { id: true, startsAt: true } }),
      this.prisma.clinicalNote.findMany({ where: { practiceId, appointmentId: { in: ids } }, select: { id: true, appointmentId: true, status: true } }),
    ]);
    const noteOf = new Map(notes.map((note) => [note.appointmentId, { id: note.id, status: note.status }]));
    return appointments.map((a) => ({ appointmentId: a.id, startsAt: a.startsAt, note: noteOf.get(a.id) ?? null }));
  }

  /** The practice's time zone and hold day (Georgia's until the practice saved its own rules). */
  async policy(practiceId: string): Promise<{ timeZone: string; noteBillingHoldDay: number }> {
    const [practice, rules] = await Promise.all([
      this.prisma.practice.findFirst({ where: { id: practiceId }, select: { timeZone: true } }),
      this.prisma.complianceRules.findFirst({ where: { practiceId }, select: { noteBillingHoldDay: true } }),
    ]);
    return { timeZone: practice?.timeZone ?? 'UTC', noteBillingHoldDay: rules?.noteBillingHoldDay ?? GEORGIA_COMPLIANCE_RULES.noteBillingHoldDay };
  }
}
