import { clientExportReference, type SubgraphDefinition } from '@solace/server-kit';
import { ClientRepository } from './client/client.repository';
import { ClientResolver, clientReference } from './client/client.resolver';
import { ClientService } from './client/client.service';
import { ClientExportRepository } from './client-export/client-export.repository';
import { ClientExportResolver } from './client-export/client-export.resolver';

export const patientsSubgraph: SubgraphDefinition = {
  name: 'patients',
  resolvers: ({ prisma }) => [new ClientResolver(new ClientService(new ClientRepository(prisma))), new ClientExportResolver(new ClientExportRepository(prisma))],
  referenceResolvers: ({ prisma }) => ({ Client: clientReference(new ClientService(new ClientRepository(prisma))), ...clientExportReference }),
};
