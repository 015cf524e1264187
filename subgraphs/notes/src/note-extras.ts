// Wires note documents (PDF, sharing), AI assistance and note search for the subgraph's index.
// `searchIndexOnSigned` is the note-signed listener that re-indexes a note when it is signed or
// co-signed; draft saves and addenda are picked up by the index's staleness check on the next search.
import type { SubgraphDeps } from '@solace/server-kit';
import { createNoteAssistProvider } from './note-assist/note-assist-provider';
import { NoteSuggestionRepository } from './note-assist/note-suggestion.repository';
import { NoteSuggestionResolver } from './note-assist/note-suggestion.resolver';
import { NoteSuggestionService } from './note-assist/note-suggestion.service';
import { NoteDocumentRepository } from './note-documents/note-document.repository';
import { NoteDocumentResolver } from './note-documents/note-document.resolver';
import { NoteDocumentService } from './note-documents/note-document.service';
import { NoteSearchRepository } from './note-search/note-search.repository';
import { NoteSearchResolver } from './note-search/note-search.resolver';
import { NoteSearchService } from './note-search/note-search.service';
import type { NoteSignedListener } from './note-signing/note-signed-hooks';
import { NoteSigningRepository } from './note-signing/note-signing.repository';
import type { noteWriting } from './note/note-writing';

export function noteSearch({ prisma, cipher }: Pick<SubgraphDeps, 'prisma' | 'cipher'>, writing: ReturnType<typeof noteWriting>) {
  const search = new NoteSearchService(new NoteSearchRepository(prisma, cipher), writing.notes, writing.readRule);
  const searchIndexOnSigned: NoteSignedListener = (event) => search.onNoteContentChanged(event.practiceId, event.noteId);
  return { search, searchIndexOnSigned };
}

export function noteExtrasResolvers({ prisma, cipher, log }: Pick<SubgraphDeps, 'prisma' | 'cipher' | 'log'>, writing: ReturnType<typeof noteWriting>, search: NoteSearchService) {
  const documents = new NoteDocumentService(new NoteDocumentRepository(prisma), new NoteSigningRepository(prisma, cipher), writing.templates, writing.diagnoses, writing.readRule);
  const suggestions = new NoteSuggestionService(new NoteSuggestionRepository(prisma, cipher), writing.notes, writing.diagnoses, createNoteAssistProvider(process.env, log));
  return [new NoteDocumentResolver(documents), new NoteSuggestionResolver(suggestions), new NoteSearchResolver(search)];
}
