import type { PrismaClient } from '@solace/server-kit';
import { DEFAULT_POLICY, type SchedulingPolicy } from './scheduling-policy.type';

const FIELDS = { lateCancelHours: true, minimumNoticeHours: true, bookingHorizonDays: true, slotStepMinutes: true } as const;

export class SchedulingPolicyRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** The saved policy, or the defaults until an admin saves one. */
  async get(practiceId: string): Promise<SchedulingPolicy> {
    return (await this.prisma.schedulingPolicy.findFirst({ where: { practiceId }, select: FIELDS })) ?? DEFAULT_POLICY;
  }

  save(practiceId: string, policy: SchedulingPolicy): Promise<SchedulingPolicy> {
    return this.prisma.schedulingPolicy.upsert({ where: { practiceId }, create: { practiceId, ...policy }, update: policy, select: FIELDS });
  }
}
