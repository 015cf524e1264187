import { clientExportReference, clientExportSection, type SubgraphDefinition } from '@solace/server-kit';
import { AppointmentNoteResolver, NoteResolver, noteReferences } from './note/note.resolver';
import { noteWriting } from './note/note-writing';
import { AppointmentWithNote } from './note/note.type';
import { ClientExportRepository } from './client-export/client-export.repository';
import { clinicalPlanResolvers } from './clinical-plans';
import { complianceNoteDueDays, complianceNoteSignedListener, complianceResolvers } from './compliance';
import { AddendumCosignResolver } from './note-signing/addendum-cosign.resolver';
import { AddendumCosignService } from './note-signing/addendum-cosign.service';
import { NoteSigningRepository } from './note-signing/note-signing.repository';
import { NoteSigningResolver } from './note-signing/note-signing.resolver';
import { NoteSigningService } from './note-signing/note-signing.service';
import { NoteQueuesRepository } from './note-queues/note-queues.repository';
import { NoteQueuesResolver, UnsignedNoteItemResolver } from './note-queues/note-queues.resolver';
import { NoteQueuesService } from './note-queues/note-queues.service';
import { noteExtrasResolvers, noteSearch } from './note-extras';

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
  resolvers: ({ prisma, cipher, log }) => {
    const writing = noteWriting({ prisma, cipher });
    const service = writing.notes;
    const signingRepository = new NoteSigningRepository(prisma, cipher);
    const { search, searchIndexOnSigned } = noteSearch({ prisma, cipher }, writing);
    // After a note is signed or co-signed: its compliance alert resolves (and its billing hold with
    // it) and the search index takes the signed text.
    const signing = new NoteSigningService(signingRepository, { missingRequiredFields: (note) => writing.missingRequiredFields(note), templateFieldOrder: (practiceId, versionId) => writing.templateFieldOrder(practiceId, versionId), onNoteSigned: [complianceNoteSignedListener(prisma), searchIndexOnSigned], readRule: writing.readRule, supervision: writing.supervision, log });
    const noteDueDays = complianceNoteDueDays(prisma);
    const queues = new NoteQueuesService(new NoteQueuesRepository(prisma), signingRepository, writing.supervision, service, noteDueDays);
    const addendumCosign = new AddendumCosignService(signing, signingRepository, writing.supervision, service);
    return [new NoteResolver(service), new AppointmentNoteResolver(service), ...writing.resolvers, new NoteSigningResolver(signing, service, noteDueDays), new AddendumCosignResolver(addendumCosign), new NoteQueuesResolver(queues), new UnsignedNoteItemResolver(queues), exportSection.resolver((practiceId, clientId) => new ClientExportRepository(prisma, cipher).clinicalNotes(practiceId, clientId)), ...clinicalPlanResolvers({ prisma, cipher }), ...complianceResolvers(prisma, writing.supervision), ...noteExtrasResolvers({ prisma, cipher, log }, writing, search)];
  },
  referenceResolvers: ({ prisma, cipher }) => ({ ...noteReferences(noteWriting({ prisma, cipher }).notes), ...clientExportReference }),
};
