import type { SubgraphDefinition } from '@solace/server-kit';
import { NoteRepository } from './note/note.repository';
import { AppointmentNoteResolver, NoteResolver, noteReferences } from './note/note.resolver';
import { NoteService } from './note/note.service';
import { AppointmentWithNote } from './note/note.type';

export const notesSubgraph: SubgraphDefinition = {
  name: 'notes',
  // Appointment is reachable only through other subgraphs; list it so its note field is kept.
  orphanedTypes: [AppointmentWithNote],
  resolvers: ({ prisma, cipher }) => {
    const service = new NoteService(new NoteRepository(prisma, cipher));
    return [new NoteResolver(service), new AppointmentNoteResolver(service)];
  },
  referenceResolvers: ({ prisma, cipher }) => noteReferences(new NoteService(new NoteRepository(prisma, cipher))),
};
