import { allowedRoles, AuditAs, ClientRef, requireUser, StaffUserRef, type RequestContext } from '@solace/server-kit';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ComplianceAlertsArgs, ComplianceRulesInput } from './compliance.input';
import type { ComplianceAlertService, ComplianceRulesService } from './compliance.service';
import { ComplianceAlert, ComplianceRules } from './compliance.type';

@Resolver(() => ComplianceRules)
export class ComplianceRulesResolver {
  constructor(private readonly rules: ComplianceRulesService) {}

  @Authorized(...allowedRoles('complianceRules'))
  @Query(() => ComplianceRules, { description: "The practice's compliance rules (Georgia's defaults until an admin changes them)." })
  complianceRules(@Ctx() ctx: RequestContext) {
    return this.rules.get(requireUser(ctx));
  }

  @Authorized(...allowedRoles('complianceRuleDefaults'))
  @Query(() => ComplianceRules, { description: "Georgia's rules, every practice's defaults (what 'Restore defaults' puts back). updatedAt is null." })
  complianceRuleDefaults() {
    return this.rules.defaults();
  }

  @Authorized(...allowedRoles('updateComplianceRules'))
  @Mutation(() => ComplianceRules, { description: 'Changes the day counts. BAD_USER_INPUT (reason COMPLIANCE_RULES_INVALID, with problems) unless reminder < alert < hold.' })
  updateComplianceRules(@Arg('input', () => ComplianceRulesInput) input: ComplianceRulesInput, @Ctx() ctx: RequestContext) {
    return this.rules.update(requireUser(ctx), { ...input });
  }
}

@Resolver(() => ComplianceAlert)
export class ComplianceAlertResolver {
  constructor(private readonly alerts: ComplianceAlertService) {}

  @Authorized(...allowedRoles('complianceAlerts'))
  @Query(() => [ComplianceAlert], { description: "Compliance alerts: the caller's own, their team's (supervisors) or the practice's (admins); unresolved by default, earliest due first." })
  complianceAlerts(@Args(() => ComplianceAlertsArgs) args: ComplianceAlertsArgs, @Ctx() ctx: RequestContext) {
    return this.alerts.list(requireUser(ctx), args);
  }

  @Authorized(...allowedRoles('openComplianceAlertCount'))
  @Query(() => Int, { description: 'How many open alerts the caller sees (the navigation badge). No PHI.' })
  openComplianceAlertCount(@Ctx() ctx: RequestContext) {
    return this.alerts.openCount(requireUser(ctx));
  }

  @Authorized(...allowedRoles('acknowledgeComplianceAlert'))
  @AuditAs('UPDATE')
  @Mutation(() => ComplianceAlert, { description: 'Marks an open alert as seen; it stays until its cause is fixed, and re-opens if it escalates.' })
  acknowledgeComplianceAlert(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return this.alerts.acknowledge(requireUser(ctx), id);
  }

  @FieldResolver(() => ClientRef)
  client(@Root() alert: ComplianceAlert): ClientRef {
    return { id: alert.clientId };
  }

  @FieldResolver(() => StaffUserRef, { description: 'The clinician responsible for fixing the cause.' })
  clinician(@Root() alert: ComplianceAlert): StaffUserRef {
    return { id: alert.clinicianId };
  }

  @FieldResolver(() => StaffUserRef, { nullable: true, description: 'The supervisor the alert was escalated to.' })
  supervisor(@Root() alert: ComplianceAlert): StaffUserRef | null {
    return alert.supervisorId ? { id: alert.supervisorId } : null;
  }

  @FieldResolver(() => StaffUserRef, { nullable: true })
  acknowledgedBy(@Root() alert: ComplianceAlert): StaffUserRef | null {
    return alert.acknowledgedById ? { id: alert.acknowledgedById } : null;
  }
}
