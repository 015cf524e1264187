import { DomainError, notFound, type AuthClaims } from '@solace/server-kit';
import type { RiskFlagRepository } from './risk-flag.repository';
import type { ClientRiskStatus, RiskLevel } from './risk-flag.type';

export class RiskFlagService {
  constructor(private readonly flags: RiskFlagRepository) {}

  async status(user: AuthClaims, clientId: string): Promise<ClientRiskStatus> {
    if (!(await this.flags.clientExists(user.practiceId, clientId))) throw notFound('Client', clientId);
    const [history, hasCurrentSafetyPlan] = await Promise.all([this.flags.history(user.practiceId, clientId), this.flags.hasCurrentSafetyPlan(user.practiceId, clientId)]);
    const current = history.find((flag) => flag.clearedAt === null) ?? null;
    return { atRisk: current !== null, current, history, hasCurrentSafetyPlan, safetyPlanMissing: current !== null && !hasCurrentSafetyPlan };
  }

  /** Flags the client at risk, or changes the level/reason of the open flag (the old one is kept as history). */
  async flag(user: AuthClaims, clientId: string, level: RiskLevel, reason: string, now = new Date()): Promise<ClientRiskStatus> {
    if (!(await this.flags.clientExists(user.practiceId, clientId))) throw notFound('Client', clientId);
    await this.flags.flag(user.practiceId, clientId, { level, reason, byId: user.sub, at: now }, `Replaced by a ${level.toLowerCase()} risk flag.`);
    return this.status(user, clientId);
  }

  async clear(user: AuthClaims, clientId: string, reason: string, now = new Date()): Promise<ClientRiskStatus> {
    if (!(await this.flags.clientExists(user.practiceId, clientId))) throw notFound('Client', clientId);
    if (!(await this.flags.clear(user.practiceId, clientId, { reason, byId: user.sub, at: now }))) {
      throw new DomainError('CONFLICT', `Client ${clientId} is not flagged at risk.`);
    }
    return this.status(user, clientId);
  }
}
