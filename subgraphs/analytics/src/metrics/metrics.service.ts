import { DomainError, type AuthClaims } from '@solace/server-kit';
import type { MetricsRepository } from './metrics.repository';
import type { PracticeMetrics } from './practice-metrics.type';

const MAX_PERIOD_DAYS = 366;
const rate = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000);

export class MetricsService {
  constructor(private readonly metrics: MetricsRepository) {}

  async practiceMetrics(user: AuthClaims, from: Date, to: Date, now = new Date()): Promise<PracticeMetrics> {
    if (!(to > from)) throw new DomainError('BAD_USER_INPUT', '`to` must be after `from`.');
    if (to.getTime() - from.getTime() > MAX_PERIOD_DAYS * 86_400_000) {
      throw new DomainError('BAD_USER_INPUT', `Ask for at most ${MAX_PERIOD_DAYS} days at a time.`);
    }
    const counts = await this.metrics.visitCounts(user.practiceId, from, to, now);
    if (to <= now) await this.metrics.recordSnapshot(user.practiceId, from, to, counts);
    return {
      from,
      to,
      scheduledCount: counts.scheduled,
      completedCount: counts.completed,
      noShowCount: counts.noShow,
      cancelledCount: counts.cancelled,
      keptVisitRate: rate(counts.completed, counts.scheduled),
      noShowRate: rate(counts.noShow, counts.scheduled),
      calculatedAt: now,
    };
  }
}
