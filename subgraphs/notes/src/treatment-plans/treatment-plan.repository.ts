import { randomUUID } from 'node:crypto';
import { DomainError, type FieldCipher, type PrismaClient } from '@solace/server-kit';
import type { PlanProblem, TreatmentPlan, TreatmentPlanStatus } from './treatment-plan.type';
import type { PlanProblemInput } from './treatment-plan.input';

export const PLAN_CONTENT_FIELD = 'TreatmentPlan.content';
export const REVIEW_NOTE_FIELD = 'TreatmentPlanReview.note';

const FIELDS = {
  id: true as const,
  clientId: true as const,
  version: true as const,
  status: true as const,
  content: true as const,
  createdById: true as const,
  createdAt: true as const,
  updatedAt: true as const,
  signedById: true as const,
  signedAt: true as const,
  lastReviewedAt: true as const,
  reviewDueAt: true as const,
  endedAt: true as const,
  reviews: { select: { id: true, reviewedAt: true, reviewedById: true, note: true } as const, orderBy: [{ reviewedAt: 'desc' as const }, { createdAt: 'desc' as const }] },
};

type Row = {
  id: string;
  clientId: string;
  version: number;
  status: TreatmentPlanStatus;
  content: string;
  createdById: string;
  createdAt: Date;
  updatedAt: Date;
  signedById: string | null;
  signedAt: Date | null;
  lastReviewedAt: Date | null;
  reviewDueAt: Date | null;
  endedAt: Date | null;
  reviews: Array<{ id: string; reviewedAt: Date; reviewedById: string; note: string }>;
};

/** The problems tree as stored (encrypted JSON): ids assigned, staff as ids. */
type StoredProblems = Array<Omit<PlanProblem, 'goals'> & { goals: Array<Omit<PlanProblem['goals'][number], 'interventions'> & { interventions: Array<{ id: string; modality: string; frequency: string; responsibleClinicianId: string | null }> }> }>;

/** Gives every new item an id (existing ones keep theirs, so the web can track them across saves). */
function toStored(problems: PlanProblemInput[]): StoredProblems {
  return problems.map((p) => ({
    id: p.id ?? randomUUID(),
    description: p.description,
    icd10Code: p.icd10Code ?? null,
    goals: p.goals.map((g) => ({
      id: g.id ?? randomUUID(),
      description: g.description,
      objectives: g.objectives.map((o) => ({ id: o.id ?? randomUUID(), description: o.description, target: o.target, measure: o.measure, targetDate: o.targetDate ?? null, status: o.status })),
      interventions: g.interventions.map((i) => ({ id: i.id ?? randomUUID(), modality: i.modality, frequency: i.frequency, responsibleClinicianId: i.responsibleClinicianId ?? null })),
    })),
  }));
}

const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === 'P2002';

export class TreatmentPlanRepository {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly cipher: FieldCipher,
  ) {}

  private readable = (row: Row): TreatmentPlan => {
    const stored = JSON.parse(this.cipher.decrypt(row.content, PLAN_CONTENT_FIELD) || '[]') as StoredProblems;
    const { content: _content, createdById, signedById, reviews, ...rest } = row;
    return {
      ...rest,
      problems: stored.map((p) => ({ ...p, goals: p.goals.map((g) => ({ ...g, interventions: g.interventions.map((i) => ({ ...i, responsibleClinician: i.responsibleClinicianId ? { id: i.responsibleClinicianId } : null })) })) })),
      createdBy: { id: createdById },
      signedBy: signedById ? { id: signedById } : null,
      reviews: reviews.map(({ reviewedById, note, ...review }) => ({ ...review, reviewedBy: { id: reviewedById }, note: this.cipher.decrypt(note, REVIEW_NOTE_FIELD) })),
    };
  };

  private encrypt = (problems: PlanProblemInput[]) => this.cipher.encrypt(JSON.stringify(toStored(problems)), PLAN_CONTENT_FIELD);

  async clientExists(practiceId: string, clientId: string): Promise<boolean> {
    return (await this.prisma.client.findFirst({ where: { id: clientId, practiceId }, select: { id: true } })) !== null;
  }

  /** Staff ids that belong to the practice (for the interventions' responsible clinicians). */
  async staffInPractice(practiceId: string, ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.prisma.staffUser.findMany({ where: { practiceId, id: { in: ids } }, select: { id: true } });
    return new Set(rows.map((r) => r.id));
  }

  async findInPractice(practiceId: string, id: string): Promise<TreatmentPlan | null> {
    const row = await this.prisma.treatmentPlan.findFirst({ where: { id, practiceId }, select: FIELDS });
    return row ? this.readable(row) : null;
  }

  /** Every version, newest first. */
  async listForClient(practiceId: string, clientId: string): Promise<TreatmentPlan[]> {
    const rows = await this.prisma.treatmentPlan.findMany({ where: { practiceId, clientId }, select: FIELDS, orderBy: { version: 'desc' } });
    return rows.map(this.readable);
  }

  /** A new DRAFT with the next version number; refused while the client has another draft. */
  async createDraft(practiceId: string, clientId: string, createdById: string, problems: PlanProblemInput[]): Promise<TreatmentPlan> {
    try {
      const row = await this.prisma.$transaction(async (tx) => {
        if (await tx.treatmentPlan.findFirst({ where: { practiceId, clientId, status: 'DRAFT' }, select: { id: true } })) {
          throw new DomainError('CONFLICT', 'This client already has a draft treatment plan; edit or discard it first.');
        }
        const latest = await tx.treatmentPlan.findFirst({ where: { practiceId, clientId }, select: { version: true }, orderBy: { version: 'desc' } });
        const active = await tx.treatmentPlan.findFirst({ where: { practiceId, clientId, status: 'ACTIVE' }, select: { id: true } });
        return tx.treatmentPlan.create({
          data: { practiceId, clientId, createdById, version: (latest?.version ?? 0) + 1, previousVersionId: active?.id ?? null, content: this.encrypt(problems) },
          select: FIELDS,
        });
      });
      return this.readable(row);
    } catch (error) {
      // Two drafts started at once: the version number is unique per client.
      if (isUniqueViolation(error)) throw new DomainError('CONFLICT', 'Another treatment plan was started at the same time; reload.', { cause: error });
      throw error;
    }
  }

  /** Saves a draft's problems; null when it is no longer a draft. */
  async updateDraft(practiceId: string, id: string, problems: PlanProblemInput[]): Promise<TreatmentPlan | null> {
    const { count } = await this.prisma.treatmentPlan.updateMany({ where: { id, practiceId, status: 'DRAFT' }, data: { content: this.encrypt(problems) } });
    return count === 1 ? this.findInPractice(practiceId, id) : null;
  }

  async deleteDraft(practiceId: string, id: string): Promise<boolean> {
    const { count } = await this.prisma.treatmentPlan.deleteMany({ where: { id, practiceId, status: 'DRAFT' } });
    return count === 1;
  }

  /** Makes the draft ACTIVE and the client's previous ACTIVE plan SUPERSEDED, in one transaction. */
  async activate(practiceId: string, id: string, clientId: string, signedById: string, signedAt: Date, reviewDueAt: Date): Promise<TreatmentPlan | null> {
    try {
      const activated = await this.prisma.$transaction(async (tx) => {
        await tx.treatmentPlan.updateMany({ where: { practiceId, clientId, status: 'ACTIVE', id: { not: id } }, data: { status: 'SUPERSEDED', endedAt: signedAt, reviewDueAt: null } });
        const { count } = await tx.treatmentPlan.updateMany({ where: { id, practiceId, status: 'DRAFT' }, data: { status: 'ACTIVE', signedById, signedAt, reviewDueAt, lastReviewedAt: null } });
        return count === 1;
      });
      return activated ? this.findInPractice(practiceId, id) : null;
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainError('CONFLICT', 'Another plan for this client was activated at the same time; reload.', { cause: error });
      throw error;
    }
  }

  /** Records a review and moves the due date, only while the plan is ACTIVE. */
  async addReview(practiceId: string, id: string, review: { reviewedAt: Date; reviewedById: string; note: string }, reviewDueAt: Date): Promise<TreatmentPlan | null> {
    const recorded = await this.prisma.$transaction(async (tx) => {
      const { count } = await tx.treatmentPlan.updateMany({ where: { id, practiceId, status: 'ACTIVE' }, data: { lastReviewedAt: review.reviewedAt, reviewDueAt } });
      if (count !== 1) return false;
      await tx.treatmentPlanReview.create({ data: { practiceId, planId: id, reviewedAt: review.reviewedAt, reviewedById: review.reviewedById, note: this.cipher.encrypt(review.note, REVIEW_NOTE_FIELD) } });
      return true;
    });
    return recorded ? this.findInPractice(practiceId, id) : null;
  }

  async complete(practiceId: string, id: string, endedAt: Date): Promise<TreatmentPlan | null> {
    const { count } = await this.prisma.treatmentPlan.updateMany({ where: { id, practiceId, status: 'ACTIVE' }, data: { status: 'COMPLETED', endedAt, reviewDueAt: null } });
    return count === 1 ? this.findInPractice(practiceId, id) : null;
  }
}
