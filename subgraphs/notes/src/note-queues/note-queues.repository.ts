// The two work queues: a clinician's undocumented and unsigned sessions, and a supervisor's notes
// in review. Both are single indexed queries, oldest first (ClinicalNote_unsigned_by_author_idx,
// Appointment(practiceId, clinicianId, startsAt) with the unique appointmentId on ClinicalNote).
import type { PrismaClient } from '@solace/server-kit';

export interface UnsignedRow {
  noteId: string | null;
  appointmentId: string;
  clientId: string;
  serviceDate: Date;
  /** DRAFT or IN_REVIEW, or NOT_STARTED for a past session without a note. */
  state: 'DRAFT' | 'IN_REVIEW' | 'NOT_STARTED';
}

export interface ReviewRow {
  noteId: string;
  authorId: string;
  clientId: string;
  serviceDate: Date;
  submittedAt: Date | null;
}

export class NoteQueuesRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /**
   * Unsigned notes of the author and their past sessions with no note yet (what the 7-day rule
   * counts: sessions that were not cancelled and not missed).
   */
  unsigned(practiceId: string, authorId: string, now: Date, limit: number): Promise<UnsignedRow[]> {
    return this.prisma.$queryRaw<UnsignedRow[]>`
      (SELECT n."id" AS "noteId", n."appointmentId", n."clientId", n."serviceDate", n."status"::text AS "state"
         FROM "ClinicalNote" n
        WHERE n."practiceId" = ${practiceId}::uuid AND n."authorId" = ${authorId}::uuid AND n."signedAt" IS NULL
          AND n."status" IN ('DRAFT', 'IN_REVIEW')
        ORDER BY n."serviceDate" LIMIT ${limit})
      UNION ALL
      (SELECT NULL::uuid, a."id", a."clientId", a."startsAt", 'NOT_STARTED'
         FROM "Appointment" a
        WHERE a."practiceId" = ${practiceId}::uuid AND a."clinicianId" = ${authorId}::uuid AND a."startsAt" < ${now}
          AND a."status" NOT IN ('CANCELLED', 'NO_SHOW')
          AND NOT EXISTS (SELECT 1 FROM "ClinicalNote" n WHERE n."appointmentId" = a."id")
        ORDER BY a."startsAt" LIMIT ${limit})
      ORDER BY "serviceDate", "appointmentId" LIMIT ${limit}`;
  }

  reviewQueue(practiceId: string, superviseeIds: string[], limit: number): Promise<ReviewRow[]> {
    if (superviseeIds.length === 0) return Promise.resolve([]);
    return this.prisma.clinicalNote.findMany({
      where: { practiceId, authorId: { in: superviseeIds }, status: 'IN_REVIEW' },
      select: { id: true, authorId: true, clientId: true, serviceDate: true, submittedAt: true },
      orderBy: [{ serviceDate: 'asc' }, { id: 'asc' }],
      take: limit,
    }).then((rows) => rows.map(({ id, ...row }) => ({ noteId: id, ...row })));
  }
}
