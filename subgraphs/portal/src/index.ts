import { clientExportReference, ClientRef, StaffUserRef, type SubgraphDefinition } from '@solace/server-kit';
import { ThreadRepository } from './thread/thread.repository';
import { MessageResolver, portalReferences, ThreadResolver } from './thread/thread.resolver';
import { ThreadService } from './thread/thread.service';
import { ClientDataExportMessageThreads, ClientExportSectionResolver } from './client-export/client-export.section';
import { ClientExportRepository } from './client-export/client-export.repository';

export const portalSubgraph: SubgraphDefinition = {
  name: 'portal',
  orphanedTypes: [ClientRef, StaffUserRef, ClientDataExportMessageThreads],
  resolvers: ({ prisma, redis, cipher }) => {
    const service = new ThreadService(new ThreadRepository(prisma, cipher), redis);
    return [new ThreadResolver(service), new MessageResolver(service), new ClientExportSectionResolver(new ClientExportRepository(prisma, cipher))];
  },
  referenceResolvers: ({ prisma, redis, cipher }) => ({ ...portalReferences(new ThreadService(new ThreadRepository(prisma, cipher), redis)), ...clientExportReference }),
};
