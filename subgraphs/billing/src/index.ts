import type { SubgraphDefinition } from '@solace/server-kit';
import { ChargeRepository } from './charge/charge.repository';
import { billingReferences, ChargeResolver, ClientBalanceResolver } from './charge/charge.resolver';
import { ChargeService } from './charge/charge.service';

export const billingSubgraph: SubgraphDefinition = {
  name: 'billing',
  resolvers: ({ prisma }) => {
    const service = new ChargeService(new ChargeRepository(prisma));
    return [new ChargeResolver(service), new ClientBalanceResolver(service)];
  },
  referenceResolvers: ({ prisma }) => billingReferences(new ChargeService(new ChargeRepository(prisma))),
};
