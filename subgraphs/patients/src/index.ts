import type { SubgraphDefinition } from '@solace/server-kit';
import { ClientRepository } from './client/client.repository';
import { ClientResolver, clientReference } from './client/client.resolver';
import { ClientService } from './client/client.service';

export const patientsSubgraph: SubgraphDefinition = {
  name: 'patients',
  resolvers: ({ prisma }) => [new ClientResolver(new ClientService(new ClientRepository(prisma)))],
  referenceResolvers: ({ prisma }) => ({ Client: clientReference(new ClientService(new ClientRepository(prisma))) }),
};
