import type { PrismaClient } from '@solace/server-kit';
import type { Practice } from './practice.type';

export class PracticeRepository {
  constructor(private readonly prisma: PrismaClient) {}

  findById(id: string): Promise<Practice | null> {
    return this.prisma.practice.findUnique({ where: { id }, select: { id: true, name: true, timeZone: true } });
  }
}
