import type { SubgraphDefinition } from '@solace/server-kit';
import { MetricsRepository } from './metrics/metrics.repository';
import { MetricsResolver } from './metrics/metrics.resolver';
import { MetricsService } from './metrics/metrics.service';

export const analyticsSubgraph: SubgraphDefinition = {
  name: 'analytics',
  resolvers: ({ prisma }) => [new MetricsResolver(new MetricsService(new MetricsRepository(prisma)))],
};
