// What else must happen when a note becomes signed (co-signed included). Listeners run after the
// signing transaction committed; a failing listener is logged and never undoes the signature.
// Today no listener is registered: the compliance engine's billing-hold release subscribes here
// (subgraphs/notes/src/index.ts builds the list).
export interface NoteSignedEvent {
  practiceId: string;
  noteId: string;
  appointmentId: string;
  signedAt: Date;
  signedById: string;
  requestId: string;
}

export type NoteSignedListener = (event: NoteSignedEvent) => Promise<void>;
