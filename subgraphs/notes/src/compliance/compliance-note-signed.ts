// Resolves a late note's alert the moment the note is signed (the engine would on its next run).
// Registered with the note-signing hooks in ../index.ts; runs after the signature committed.
import type { NoteSignedListener } from '../note-signing/note-signed-hooks';
import type { ComplianceAlertRepository } from './compliance.repository';

export const resolveNoteAlertsOnSigning =
  (alerts: ComplianceAlertRepository): NoteSignedListener =>
  async (event) => {
    await alerts.resolveForAppointment(event.practiceId, event.appointmentId, event.signedAt);
  };
