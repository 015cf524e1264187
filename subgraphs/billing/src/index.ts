import { clientExportReference, type SubgraphDefinition } from '@solace/server-kit';
import { ChargeRepository } from './charge/charge.repository';
import { billingReferences, ChargeResolver, ClientBalanceResolver } from './charge/charge.resolver';
import { ChargeService } from './charge/charge.service';
import { ClientWithBalance } from './charge/charge.type';
import { ClientDataExportCharges, ClientExportSectionResolver } from './client-export/client-export.section';
import { ClientExportRepository } from './client-export/client-export.repository';

export const billingSubgraph: SubgraphDefinition = {
  name: 'billing',
  // Client is reachable only through other subgraphs; list it so its balanceCents field is kept.
  orphanedTypes: [ClientWithBalance, ClientDataExportCharges],
  resolvers: ({ prisma }) => {
    const service = new ChargeService(new ChargeRepository(prisma));
    return [new ChargeResolver(service), new ClientBalanceResolver(service), new ClientExportSectionResolver(new ClientExportRepository(prisma))];
  },
  referenceResolvers: ({ prisma }) => ({ ...billingReferences(new ChargeService(new ChargeRepository(prisma))), ...clientExportReference }),
};
