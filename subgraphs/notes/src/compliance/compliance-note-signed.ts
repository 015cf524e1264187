// Resolves a late note's alert the moment the note is signed (the engine would on its next run).
// Registered with the note-signing hooks (note-signing/note-signed-hooks.ts) in ../index.ts; it runs
// after the signature committed. Typed by the fields it needs, so it fits NoteSignedListener.
import type { ComplianceAlertRepository } from './compliance.repository';

export const resolveNoteAlertsOnSigning =
  (alerts: ComplianceAlertRepository) =>
  async (event: { practiceId: string; appointmentId: string; signedAt: Date }): Promise<void> => {
    await alerts.resolveForAppointment(event.practiceId, event.appointmentId, event.signedAt);
  };
