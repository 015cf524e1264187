import { exportRecord, type ExportRecord, type FieldCipher, type PrismaClient } from '@solace/server-kit';
import { NOTE_BODY_FIELD } from '../note/note.repository';

export class ClientExportRepository {
  constructor(private readonly prisma: PrismaClient,
    private readonly cipher: FieldCipher,) {}

  async clinicalNotes(practiceId: string, clientId: string): Promise<ExportRecord[]> {
    // Notes hang off appointments; the client's appointment ids are a read-only look at that domain.
    const appointments = await this.prisma.appointment.findMany({ where: { practiceId, clientId }, select: { id: true } });
    const rows = await this.prisma.clinicalNote.findMany({
      where: { practiceId, appointmentId: { in: appointments.map((appointment) => appointment.id) } },
      select: { id: true, appointmentId: true, authorId: true, status: true, body: true, createdAt: true, updatedAt: true },
      orderBy: { createdAt: 'asc' },
    });
    return rows.map((row) => exportRecord({ ...row, body: this.cipher.decrypt(row.body, NOTE_BODY_FIELD) }));
  }
}
