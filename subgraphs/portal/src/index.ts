import { clientExportReference, clientExportSection, ClientRef, StaffUserRef, type SubgraphDefinition } from '@solace/server-kit';
import { ThreadRepository } from './thread/thread.repository';
import { MessageResolver, portalReferences, ThreadResolver } from './thread/thread.resolver';
import { ThreadService } from './thread/thread.service';
import { ClientExportRepository } from './client-export/client-export.repository';

/** This domain's section of a client's data export (server-kit client-export.ts). */
const exportSection = clientExportSection({
  field: 'messageThreads',
  entityType: 'Thread',
  description: 'Every message thread with the client, with its messages decrypted.',
});

export const portalSubgraph: SubgraphDefinition = {
  name: 'portal',
  orphanedTypes: [ClientRef, StaffUserRef, exportSection.type],
  resolvers: ({ prisma, redis, cipher }) => {
    const service = new ThreadService(new ThreadRepository(prisma, cipher), redis);
    return [new ThreadResolver(service), new MessageResolver(service), exportSection.resolver((practiceId, clientId) => new ClientExportRepository(prisma, cipher).messageThreads(practiceId, clientId))];
  },
  referenceResolvers: ({ prisma, redis, cipher }) => ({ ...portalReferences(new ThreadService(new ThreadRepository(prisma, cipher), redis)), ...clientExportReference }),
};
