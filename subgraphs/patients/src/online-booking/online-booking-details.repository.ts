import type { PrismaClient } from '@solace/server-kit';
import type { OnlineBookingDetailsInput } from './online-booking-details.input';

export class OnlineBookingDetailsRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** The practice's client with this email and date of birth (both must match), if any. */
  async findMatch(practiceId: string, email: string, dateOfBirth: Date): Promise<string | null> {
    const row = await this.prisma.client.findFirst({
      where: { practiceId, email: { equals: email, mode: 'insensitive' }, dateOfBirth, erasedAt: null },
      select: { id: true },
      orderBy: { createdAt: 'asc' },
    });
    return row?.id ?? null;
  }

  async create(practiceId: string, details: OnlineBookingDetailsInput & { email: string }, dateOfBirth: Date): Promise<string> {
    const row = await this.prisma.client.create({
      data: { practiceId, firstName: details.firstName.trim(), lastName: details.lastName.trim(), dateOfBirth, email: details.email, phone: details.phone.trim() },
      select: { id: true },
    });
    return row.id;
  }
}
