import type { PrismaClient } from '@solace/server-kit';

export interface VisitCounts {
  scheduled: number;
  completed: number;
  noShow: number;
  cancelled: number;
}

export class MetricsRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** Counted in SQL over the appointments domain's table (analytics is the read side, rule 1). */
  async visitCounts(practiceId: string, from: Date, to: Date, now: Date): Promise<VisitCounts> {
    const [row] = await this.prisma.$queryRaw<Array<{ scheduled: bigint; completed: bigint; no_show: bigint; cancelled: bigint }>>`
      select count(*)                                         as scheduled,
             count(*) filter (where "status" = 'COMPLETED')   as completed,
             count(*) filter (where "status" = 'NO_SHOW')     as no_show,
             count(*) filter (where "status" = 'CANCELLED')   as cancelled
        from "Appointment"
       where "practiceId" = ${practiceId}::uuid
         and "startsAt" >= ${from} and "startsAt" < ${to} and "startsAt" < ${now}`;
    return {
      scheduled: Number(row?.scheduled ?? 0),
      completed: Number(row?.completed ?? 0),
      noShow: Number(row?.no_show ?? 0),
      cancelled: Number(row?.cancelled ?? 0),
    };
  }

  /** Keeps the figures of finished periods, so trends can be charted without recounting history. */
  async recordSnapshot(practiceId: string, from: Date, to: Date, counts: VisitCounts): Promise<void> {
    const rows = [
      { metricType: 'KEPT_VISIT_RATE' as const, numerator: counts.completed },
      { metricType: 'NO_SHOW_RATE' as const, numerator: counts.noShow },
    ];
    await this.prisma.$transaction(
      rows.map(({ metricType, numerator }) =>
        this.prisma.productivityMetric.upsert({
          where: { practiceId_metricType_periodStart_periodEnd: { practiceId, metricType, periodStart: from, periodEnd: to } },
          create: { practiceId, metricType, periodStart: from, periodEnd: to, numerator, denominator: counts.scheduled },
          update: { numerator, denominator: counts.scheduled, calculatedAt: new Date() },
        }),
      ),
    );
  }
}
