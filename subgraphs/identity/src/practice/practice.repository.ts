import type { PrismaClient } from '@solace/server-kit';
import type { Practice } from './practice.type';

const FIELDS = { id: true, name: true, timeZone: true, staffMfaRequired: true } as const;

export class PracticeRepository {
  constructor(private readonly prisma: PrismaClient) {}

  findById(id: string): Promise<Practice | null> {
    return this.prisma.practice.findFirst({ where: { id }, select: FIELDS });
  }

  update(id: string, data: { name: string; timeZone: string }): Promise<Practice> {
    return this.prisma.practice.update({ where: { id }, data, select: FIELDS });
  }

  setStaffMfaRequired(id: string, required: boolean): Promise<Practice> {
    return this.prisma.practice.update({ where: { id }, data: { staffMfaRequired: required }, select: FIELDS });
  }
}
