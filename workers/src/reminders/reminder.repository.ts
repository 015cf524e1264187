import type { PrismaClient } from '@solace/server-kit';

export interface ReminderDetails {
  status: string;
  startsAt: Date;
  clientFirstName: string;
  clientEmail: string | null;
  clientPhone: string | null;
  /** The client's own choices (patients subgraph): email unless they opted out, SMS only if they opted in. */
  clientReminderEmail: boolean;
  clientReminderSms: boolean;
  clinicianName: string;
  practiceName: string;
  timeZone: string;
}

/** What a reminder needs, re-read when the job runs (the job itself carries only ids). */
export class ReminderRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async findDetails(practiceId: string, appointmentId: string): Promise<ReminderDetails | null> {
    const appointment = await this.prisma.appointment.findFirst({
      where: { id: appointmentId, practiceId },
      select: { status: true, startsAt: true, clientId: true, clinicianId: true },
    });
    if (!appointment) return null;
    const [client, clinician, practice] = await Promise.all([
      this.prisma.client.findFirst({ where: { id: appointment.clientId, practiceId }, select: { firstName: true, email: true, phone: true, reminderEmail: true, reminderSms: true } }),
      this.prisma.staffUser.findFirst({ where: { id: appointment.clinicianId, practiceId }, select: { displayName: true } }),
      this.prisma.practice.findFirst({ where: { id: practiceId }, select: { name: true, timeZone: true } }),
    ]);
    if (!client || !clinician || !practice) return null;
    return {
      status: appointment.status,
      startsAt: appointment.startsAt,
      clientFirstName: client.firstName,
      clientEmail: client.email,
      clientPhone: client.phone,
      clientReminderEmail: client.reminderEmail,
      clientReminderSms: client.reminderSms,
      clinicianName: clinician.displayName,
      practiceName: practice.name,
      timeZone: practice.timeZone,
    };
  }

  /** Appointments still to come whose reminders follow the settings (ids and times only). */
  upcomingAppointments(practiceId: string, after: Date): Promise<Array<{ id: string; startsAt: Date }>> {
    return this.prisma.appointment.findMany({
      where: { practiceId, status: { in: ['SCHEDULED', 'CHECKED_IN'] }, startsAt: { gt: after } },
      orderBy: { startsAt: 'asc' },
      select: { id: true, startsAt: true },
    });
  }
}
