import { DomainError, forbidden, notFound, type AuthClaims } from '@solace/server-kit';
import { calendarDaysSince, complianceRuleProblems, GEORGIA_COMPLIANCE_RULES, type ComplianceRulesValues } from '@solace/workers';
import type { SupervisionRepository } from '../supervision/supervision.repository';
import type { AlertFilter, ComplianceAlertRepository, ComplianceRulesRepository, StoredAlert, StoredRules } from './compliance.repository';
import { ComplianceAlertScope, ComplianceAlertStatus, type ComplianceAlert, type ComplianceAlertKind, type ComplianceRules, type ComplianceSeverity } from './compliance.type';

const isAdmin = (user: AuthClaims) => user.roles.includes('ADMIN');
const isSupervisor = (user: AuthClaims) => user.roles.includes('SUPERVISOR');

/** The widest scope a role may see. */
export function defaultScope(user: AuthClaims): ComplianceAlertScope {
  if (isAdmin(user)) return ComplianceAlertScope.ALL;
  if (isSupervisor(user)) return ComplianceAlertScope.TEAM;
  return ComplianceAlertScope.MINE;
}

function toRules(stored: StoredRules): ComplianceRules {
  const { updatedAt, ...values } = stored;
  const isGeorgiaDefault = (Object.keys(GEORGIA_COMPLIANCE_RULES) as Array<keyof ComplianceRulesValues>).every((key) => values[key] === GEORGIA_COMPLIANCE_RULES[key]);
  return { ...values, isGeorgiaDefault, updatedAt };
}

export class ComplianceRulesService {
  constructor(private readonly rules: ComplianceRulesRepository) {}

  async get(user: AuthClaims): Promise<ComplianceRules> {
    return toRules(await this.rules.findOrCreate(user.practiceId));
  }

  /** The defaults a practice starts with (and restores): the one definition the engine uses too. */
  defaults(): ComplianceRules {
    return { ...GEORGIA_COMPLIANCE_RULES, isGeorgiaDefault: true, updatedAt: null };
  }

  async update(user: AuthClaims, values: ComplianceRulesValues): Promise<ComplianceRules> {
    const problems = complianceRuleProblems(values);
    if (problems.length > 0) {
      throw new DomainError('BAD_USER_INPUT', problems[0]!.message, { details: { reason: 'COMPLIANCE_RULES_INVALID', problems } });
    }
    return toRules(await this.rules.save(user.practiceId, values, user.sub));
  }
}

export class ComplianceAlertService {
  constructor(
    private readonly alerts: ComplianceAlertRepository,
    private readonly supervision: Pick<SupervisionRepository, 'superviseesOf'>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Which clinicians' alerts a scope covers (null: all); refuses scopes above the caller's role. */
  private async clinicianIds(user: AuthClaims, scope: ComplianceAlertScope): Promise<string[] | null> {
    if (scope === ComplianceAlertScope.ALL) {
      if (!isAdmin(user)) throw forbidden('Only administrators see every alert in the practice.');
      return null;
    }
    if (scope === ComplianceAlertScope.TEAM) {
      if (!isSupervisor(user) && !isAdmin(user)) throw forbidden('Only supervisors see their team’s alerts.');
      return [user.sub, ...(await this.supervision.superviseesOf(user.practiceId, user.sub))];
    }
    return [user.sub];
  }

  async list(user: AuthClaims, args: { scope?: ComplianceAlertScope | null; statuses: ComplianceAlertStatus[]; severities?: ComplianceSeverity[] | null; kinds?: ComplianceAlertKind[] | null }): Promise<ComplianceAlert[]> {
    const filter: AlertFilter = {
      clinicianIds: await this.clinicianIds(user, args.scope ?? defaultScope(user)),
      statuses: args.statuses,
      severities: args.severities ?? undefined,
      kinds: args.kinds ?? undefined,
    };
    const [rows, timeZone] = await Promise.all([this.alerts.list(user.practiceId, filter), this.alerts.practiceTimeZone(user.practiceId)]);
    return rows.map((row) => this.present(row, timeZone));
  }

  /** Open alerts in the caller's widest scope (the navigation badge). */
  async openCount(user: AuthClaims): Promise<number> {
    return this.alerts.count(user.practiceId, { clinicianIds: await this.clinicianIds(user, defaultScope(user)), statuses: [ComplianceAlertStatus.OPEN] });
  }

  async acknowledge(user: AuthClaims, id: string): Promise<ComplianceAlert> {
    const alert = await this.alerts.find(user.practiceId, id);
    const visible = alert && (isAdmin(user) || (await this.clinicianIds(user, defaultScope(user)))!.includes(alert.clinicianId));
    if (!alert || !visible) throw notFound('ComplianceAlert', id);
    if (alert.status === ComplianceAlertStatus.RESOLVED) {
      throw new DomainError('CONFLICT', 'This alert is already resolved.', { details: { reason: 'ALERT_RESOLVED' } });
    }
    await this.alerts.acknowledge(user.practiceId, id, user.sub, this.now());
    const [updated, timeZone] = await Promise.all([this.alerts.find(user.practiceId, id), this.alerts.practiceTimeZone(user.practiceId)]);
    return this.present(updated!, timeZone);
  }

  private present(row: StoredAlert, timeZone: string): ComplianceAlert {
    const now = row.resolvedAt ?? this.now();
    return { ...row, daysLate: calendarDaysSince(row.startsAt, now, timeZone), daysOverdue: Math.max(0, calendarDaysSince(row.dueAt, now, timeZone)) };
  }
}
