import type { SubgraphDefinition } from '@solace/server-kit';
import { NoteRepository } from './note/note.repository';
import { AppointmentNoteResolver, NoteResolver, noteReferences } from './note/note.resolver';
import { NoteService } from './note/note.service';
import { AppointmentWithNote } from './note/note.type';

export const notesSubgraph: SubgraphDefinition = {
  name: 'notes',
  // Appointment is reachable only through other subgraphs; list it so its note field is kept.
  orphanedTypes: [AppointmentWithNote],
  resolvers: ({ prisma }) => {
    const service = new NoteService(new NoteRepository(prisma));
    return [new NoteResolver(service), new AppointmentNoteResolver(service)];
  },
  referenceResolvers: ({ prisma }) => noteReferences(new NoteService(new NoteRepository(prisma))),
};
