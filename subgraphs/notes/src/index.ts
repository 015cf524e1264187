import { clientExportReference, type SubgraphDefinition } from '@solace/server-kit';
import { NoteRepository } from './note/note.repository';
import { AppointmentNoteResolver, NoteResolver, noteReferences } from './note/note.resolver';
import { NoteService } from './note/note.service';
import { AppointmentWithNote } from './note/note.type';
import { ClientDataExportClinicalNotes, ClientExportSectionResolver } from './client-export/client-export.section';
import { ClientExportRepository } from './client-export/client-export.repository';

export const notesSubgraph: SubgraphDefinition = {
  name: 'notes',
  // Appointment is reachable only through other subgraphs; list it so its note field is kept.
  orphanedTypes: [AppointmentWithNote, ClientDataExportClinicalNotes],
  resolvers: ({ prisma, cipher }) => {
    const service = new NoteService(new NoteRepository(prisma, cipher));
    return [new NoteResolver(service), new AppointmentNoteResolver(service), new ClientExportSectionResolver(new ClientExportRepository(prisma, cipher))];
  },
  referenceResolvers: ({ prisma, cipher }) => ({ ...noteReferences(new NoteService(new NoteRepository(prisma, cipher))), ...clientExportReference }),
};
