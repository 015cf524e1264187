import { DomainError, notFound, type AuthClaims } from '@solace/server-kit';
import type { SafetyPlanRepository } from './safety-plan.repository';
import type { SafetyPlan, SafetyPlanSections } from './safety-plan.type';

const trimmed = (items: string[]) => items.map((item) => item.trim()).filter(Boolean);

export class SafetyPlanService {
  constructor(private readonly plans: SafetyPlanRepository) {}

  async history(user: AuthClaims, clientId: string): Promise<SafetyPlan[]> {
    if (!(await this.plans.clientExists(user.practiceId, clientId))) throw notFound('Client', clientId);
    return this.plans.listForClient(user.practiceId, clientId);
  }

  /** Saves a new version (the previous stays readable as history). */
  async save(user: AuthClaims, clientId: string, input: SafetyPlanSections, now = new Date()): Promise<SafetyPlan> {
    if (!(await this.plans.clientExists(user.practiceId, clientId))) throw notFound('Client', clientId);
    const contacts = (list: SafetyPlanSections['helpContacts']) => list.map((c) => ({ name: c.name.trim(), contact: c.contact.trim() })).filter((c) => c.name);
    const sections: SafetyPlanSections = {
      warningSigns: trimmed(input.warningSigns),
      copingStrategies: trimmed(input.copingStrategies),
      socialDistractions: contacts(input.socialDistractions),
      helpContacts: contacts(input.helpContacts),
      professionalContacts: contacts(input.professionalContacts),
      environmentSafety: trimmed(input.environmentSafety),
      reasonsForLiving: trimmed(input.reasonsForLiving),
      mostImportantReason: input.mostImportantReason.trim(),
    };
    // A plan a client can use in a crisis names at least the warning signs and someone to call.
    if (sections.warningSigns.length === 0) throw new DomainError('BAD_USER_INPUT', 'Add at least one warning sign.', { details: { field: 'warningSigns' } });
    if (sections.helpContacts.length + sections.professionalContacts.length === 0) {
      throw new DomainError('BAD_USER_INPUT', 'Add at least one person or professional to contact.', { details: { field: 'professionalContacts' } });
    }
    return this.plans.saveVersion(user.practiceId, clientId, user.sub, sections, now);
  }
}
