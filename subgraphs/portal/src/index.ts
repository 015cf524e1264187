import { ClientRef, StaffUserRef, type SubgraphDefinition } from '@solace/server-kit';
import { ThreadRepository } from './thread/thread.repository';
import { MessageResolver, portalReferences, ThreadResolver } from './thread/thread.resolver';
import { ThreadService } from './thread/thread.service';

export const portalSubgraph: SubgraphDefinition = {
  name: 'portal',
  orphanedTypes: [ClientRef, StaffUserRef],
  resolvers: ({ prisma, redis, cipher }) => {
    const service = new ThreadService(new ThreadRepository(prisma, cipher), redis);
    return [new ThreadResolver(service), new MessageResolver(service)];
  },
  referenceResolvers: ({ prisma, redis, cipher }) => portalReferences(new ThreadService(new ThreadRepository(prisma, cipher), redis)),
};
