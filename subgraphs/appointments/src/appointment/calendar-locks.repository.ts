// Writes that an exclusion constraint may refuse (Appointment_no_{clinician,room,client}_overlap),
// made safe under concurrency: transaction-scoped advisory locks on each touched calendar, taken in
// sorted key order so two writers never wait on each other in a cycle, plus a retry when
// PostgreSQL still reports a deadlock. The constraints guarantee correctness; the locks spare
// PostgreSQL the deadlocks that concurrent exclusion checks otherwise hit (each costing
// deadlock_timeout). A refusal surfaces as an OverlapError naming whose calendar was taken.
import type { PrismaClient } from '@solace/server-kit';

export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

export type OverlapReason = 'CLINICIAN_OVERLAP' | 'ROOM_OVERLAP' | 'CLIENT_OVERLAP';

/** PostgreSQL's exclusion_violation: one of the Appointment_no_*_overlap constraints refused the row. */
export class OverlapError extends Error {
  constructor(
    readonly reason: OverlapReason,
    options: { cause: unknown },
  ) {
    super(reason, options);
  }
}

const CONSTRAINT_REASONS: [string, OverlapReason][] = [
  ['no_clinician_overlap', 'CLINICIAN_OVERLAP'],
  ['no_room_overlap', 'ROOM_OVERLAP'],
  ['no_client_overlap', 'CLIENT_OVERLAP'],
];

function rethrowOverlap(error: unknown): never {
  const text = `${(error as Error)?.message ?? ''} ${JSON.stringify((error as { meta?: unknown })?.meta ?? {})}`;
  const match = CONSTRAINT_REASONS.find(([constraint]) => text.includes(constraint));
  if (match) throw new OverlapError(match[1], { cause: error });
  if (text.includes('23P01')) throw new OverlapError('CLINICIAN_OVERLAP', { cause: error });
  throw error;
}

/** Prisma's P2034: PostgreSQL reported a deadlock or write conflict; the statement may simply be retried. */
const isRetryable = (error: unknown) => (error as { code?: unknown })?.code === 'P2034' || /40P01|40001|deadlock/i.test(String((error as Error)?.message));

async function writeWithRetry<T>(write: () => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (attempt >= attempts || !isRetryable(error)) rethrowOverlap(error);
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 20));
    }
  }
}

/** Whose calendars a write touches: the constraints that could refuse it. */
export interface Calendars {
  clinicianId: string;
  clientId: string;
  roomId: string | null;
}

export function inCalendars<T>(prisma: PrismaClient, calendars: Calendars | Calendars[], write: (tx: Tx) => Promise<T>): Promise<T> {
  const all = Array.isArray(calendars) ? calendars : [calendars];
  const keys = [...new Set(all.flatMap((c) => [`diary:${c.clinicianId}`, `client:${c.clientId}`, ...(c.roomId ? [`room:${c.roomId}`] : [])]))].sort();
  return writeWithRetry(() =>
    prisma.$transaction(
      async (tx) => {
        for (const key of keys) await tx.$executeRaw`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
        return write(tx);
      },
      { timeout: 20_000 },
    ),
  );
}
