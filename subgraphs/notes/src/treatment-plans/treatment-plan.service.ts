import { DomainError, notFound, type AuthClaims } from '@solace/server-kit';
import { reviewDueAfter } from './review-dates';
import type { PlanProblemInput } from './treatment-plan.input';
import type { TreatmentPlanRepository } from './treatment-plan.repository';
import type { TreatmentPlan } from './treatment-plan.type';

const CLOCK_SKEW_MS = 5 * 60_000;

export class TreatmentPlanService {
  constructor(private readonly plans: TreatmentPlanRepository) {}

  async get(user: AuthClaims, id: string): Promise<TreatmentPlan> {
    const plan = await this.plans.findInPractice(user.practiceId, id);
    if (!plan) throw notFound('TreatmentPlan', id);
    return plan;
  }

  async history(user: AuthClaims, clientId: string): Promise<TreatmentPlan[]> {
    await this.requireClient(user, clientId);
    return this.plans.listForClient(user.practiceId, clientId);
  }

  async create(user: AuthClaims, clientId: string, problems: PlanProblemInput[]): Promise<TreatmentPlan> {
    await this.requireClient(user, clientId);
    await this.requireStaff(user, problems);
    return this.plans.createDraft(user.practiceId, clientId, user.sub, problems);
  }

  async update(user: AuthClaims, id: string, problems: PlanProblemInput[]): Promise<TreatmentPlan> {
    const plan = await this.get(user, id);
    if (plan.status !== 'DRAFT') throw notDraft(plan);
    await this.requireStaff(user, problems);
    return (await this.plans.updateDraft(user.practiceId, id, problems)) ?? Promise.reject(notDraft(plan));
  }

  /** Deletes a draft never signed; returns it as it was (so the deletion is audited with its id). */
  async discard(user: AuthClaims, id: string): Promise<TreatmentPlan> {
    const plan = await this.get(user, id);
    if (plan.status !== 'DRAFT' || !(await this.plans.deleteDraft(user.practiceId, id))) throw notDraft(plan);
    return plan;
  }

  /** Signing makes the draft the client's ACTIVE plan; the previous one is superseded. */
  async sign(user: AuthClaims, id: string, now = new Date()): Promise<TreatmentPlan> {
    const plan = await this.get(user, id);
    if (plan.status !== 'DRAFT') throw new DomainError('CONFLICT', `Treatment plan ${id} is ${plan.status.toLowerCase()}; only a draft can be signed.`);
    assertComplete(plan);
    const activated = await this.plans.activate(user.practiceId, id, plan.clientId, user.sub, now, reviewDueAfter(now));
    if (!activated) throw new DomainError('CONFLICT', `Treatment plan ${id} was changed meanwhile; reload.`);
    return activated;
  }

  async review(user: AuthClaims, id: string, note: string, reviewedAt: Date | null | undefined, now = new Date()): Promise<TreatmentPlan> {
    const plan = await this.get(user, id);
    if (plan.status !== 'ACTIVE') throw new DomainError('CONFLICT', `Treatment plan ${id} is ${plan.status.toLowerCase()}; only the active plan is reviewed.`);
    const at = reviewedAt ?? now;
    if (at.getTime() > now.getTime() + CLOCK_SKEW_MS) throw new DomainError('BAD_USER_INPUT', 'reviewedAt cannot be in the future.', { details: { field: 'reviewedAt' } });
    const earliest = plan.lastReviewedAt ?? plan.signedAt!;
    if (at < earliest) throw new DomainError('BAD_USER_INPUT', 'reviewedAt cannot be before the plan was signed or last reviewed.', { details: { field: 'reviewedAt' } });
    const reviewed = await this.plans.addReview(user.practiceId, id, { reviewedAt: at, reviewedById: user.sub, note }, reviewDueAfter(at));
    if (!reviewed) throw new DomainError('CONFLICT', `Treatment plan ${id} is no longer active; reload.`);
    return reviewed;
  }

  async complete(user: AuthClaims, id: string, now = new Date()): Promise<TreatmentPlan> {
    const plan = await this.get(user, id);
    const completed = plan.status === 'ACTIVE' ? await this.plans.complete(user.practiceId, id, now) : null;
    if (!completed) throw new DomainError('CONFLICT', `Treatment plan ${id} is ${plan.status.toLowerCase()}; only the active plan can be completed.`);
    return completed;
  }

  private async requireClient(user: AuthClaims, clientId: string) {
    if (!(await this.plans.clientExists(user.practiceId, clientId))) throw notFound('Client', clientId);
  }

  /** Interventions name clinicians of this practice only. */
  private async requireStaff(user: AuthClaims, problems: PlanProblemInput[]) {
    const ids = [...new Set(problems.flatMap((p) => p.goals.flatMap((g) => g.interventions.flatMap((i) => (i.responsibleClinicianId ? [i.responsibleClinicianId] : [])))))];
    const known = await this.plans.staffInPractice(user.practiceId, ids);
    const unknown = ids.find((id) => !known.has(id));
    if (unknown) throw new DomainError('BAD_USER_INPUT', `Responsible clinician ${unknown} is not on this practice's staff.`, { details: { field: 'responsibleClinicianId' } });
  }
}

const notDraft = (plan: TreatmentPlan) => new DomainError('CONFLICT', `Treatment plan ${plan.id} is ${plan.status.toLowerCase()}; start a new version to change it.`);

/** A plan in force needs a problem, and each goal a measurable objective and an intervention. */
function assertComplete(plan: TreatmentPlan) {
  const refuse = (message: string) => {
    throw new DomainError('BAD_USER_INPUT', `The plan cannot be signed yet: ${message}`, { details: { field: 'problems' } });
  };
  if (plan.problems.length === 0) refuse('add at least one problem.');
  for (const problem of plan.problems) {
    if (problem.goals.length === 0) refuse('every problem needs a goal.');
    for (const goal of problem.goals) {
      if (goal.objectives.length === 0) refuse('every goal needs a measurable objective.');
      if (goal.interventions.length === 0) refuse('every goal needs an intervention.');
    }
  }
}
