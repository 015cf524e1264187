import type { PrismaClient } from '@solace/server-kit';
import type { Practice } from './practice.type';

export class PracticeRepository {
  constructor(private readonly prisma: PrismaClient) {}

  findById(id: string): Promise<Practice | null> {
    return this.prisma.practice.findFirst({ where: { id }, select: { id: true, name: true, timeZone: true } });
  }
}
