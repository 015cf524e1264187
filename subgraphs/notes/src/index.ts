import type { SubgraphDefinition } from '@solace/server-kit';
import { NoteRepository } from './note/note.repository';
import { AppointmentNoteResolver, NoteResolver, noteReferences } from './note/note.resolver';
import { NoteService } from './note/note.service';

export const notesSubgraph: SubgraphDefinition = {
  name: 'notes',
  resolvers: ({ prisma }) => {
    const service = new NoteService(new NoteRepository(prisma));
    return [new NoteResolver(service), new AppointmentNoteResolver(service)];
  },
  referenceResolvers: ({ prisma }) => noteReferences(new NoteService(new NoteRepository(prisma))),
};
