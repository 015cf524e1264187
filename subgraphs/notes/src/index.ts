import { clientExportReference, clientExportSection, type SubgraphDefinition } from '@solace/server-kit';
import { NoteRepository } from './note/note.repository';
import { AppointmentNoteResolver, NoteResolver, noteReferences } from './note/note.resolver';
import { NoteService } from './note/note.service';
import { AppointmentWithNote } from './note/note.type';
import { ClientExportRepository } from './client-export/client-export.repository';

/** This domain's section of a client's data export (server-kit client-export.ts). */
const exportSection = clientExportSection({
  field: 'clinicalNotes',
  entityType: 'ClinicalNote',
  description: "Every clinical note about the client's appointments, decrypted, with its signing status.",
});

export const notesSubgraph: SubgraphDefinition = {
  name: 'notes',
  // Appointment is reachable only through other subgraphs; list it so its note field is kept.
  orphanedTypes: [AppointmentWithNote, exportSection.type],
  resolvers: ({ prisma, cipher }) => {
    const service = new NoteService(new NoteRepository(prisma, cipher));
    return [new NoteResolver(service), new AppointmentNoteResolver(service), exportSection.resolver((practiceId, clientId) => new ClientExportRepository(prisma, cipher).clinicalNotes(practiceId, clientId))];
  },
  referenceResolvers: ({ prisma, cipher }) => ({ ...noteReferences(new NoteService(new NoteRepository(prisma, cipher))), ...clientExportReference }),
};
