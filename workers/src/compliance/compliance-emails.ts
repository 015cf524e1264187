// The emails of the compliance engine, once per alert and audience: the clinician hears of an alert
// when it opens, the supervisor when it is first escalated (its first WARNING or CRITICAL stage).
// Messages name no client (minimum necessary): a date and a link into Solace.
import { DateTime } from 'luxon';
import { ALERT_RANK, ALERT_SEVERITY, type ComplianceAlertKind, type ComplianceRulesValues } from './compliance-rules';
import type { ComplianceRuleFamily, UnresolvedAlert } from './compliance.repository';
import type { ComplianceEngineDeps } from './compliance.engine';

interface Practice {
  name: string;
  timeZone: string;
}

interface Person {
  email: string;
  displayName: string;
}

interface Wording {
  clinician: { subject: string; body: string };
  supervisor: { subject: string; body: string };
}

const FAMILIES: ComplianceRuleFamily[] = ['NOTE_DOCUMENTATION', 'PLAN_REVIEW', 'SAFETY_PLAN'];
const isEscalated = (kind: ComplianceAlertKind) => ALERT_SEVERITY[kind] !== 'INFO';

/** What each rule's emails say; `date` is the session, review-due or flag date in the practice's zone. */
function wording(rule: ComplianceRuleFamily, alert: UnresolvedAlert, clinician: Person, rules: ComplianceRulesValues, date: (at: Date) => string): Wording {
  if (rule === 'NOTE_DOCUMENTATION') {
    const session = date(alert.startsAt);
    return {
      clinician: { subject: 'Reminder: a session note is waiting for your signature', body: `Your note for the session on ${session} is not signed yet. Notes are due within ${rules.noteSupervisorAlertDay} days of the session.` },
      supervisor: { subject: `Overdue note: ${clinician.displayName}`, body: `${clinician.displayName}'s note for the session on ${session} is overdue (not signed within ${rules.noteSupervisorAlertDay} days).` },
    };
  }
  if (rule === 'PLAN_REVIEW') {
    const due = date(alert.dueAt);
    const late = isEscalated(alert.kind);
    return {
      clinician: {
        subject: late ? 'Overdue: a treatment plan review' : 'Reminder: a treatment plan review is coming due',
        body: late ? `A treatment plan you are responsible for was due for review on ${due} and has not been reviewed.` : `A treatment plan you are responsible for is due for review on ${due}.`,
      },
      supervisor: { subject: `Overdue treatment plan review: ${clinician.displayName}`, body: `A treatment plan of ${clinician.displayName}'s was due for review on ${due} and has not been reviewed.` },
    };
  }
  const flagged = date(alert.startsAt);
  return {
    clinician: { subject: 'A client at risk has no safety plan', body: `A client you flagged at risk on ${flagged} has no current safety plan. Please write one with them.` },
    supervisor: { subject: `Safety plan missing: ${clinician.displayName}`, body: `A client ${clinician.displayName} flagged at risk on ${flagged} has no current safety plan.` },
  };
}

const letter = (to: Person, body: string, link: string, practice: Practice) => [`Hi ${to.displayName},`, '', body, `Open it in Solace: ${link}`, '', `— ${practice.name}`].join('\n');

export async function sendComplianceEmails(practiceId: string, practice: Practice, rules: ComplianceRulesValues, deps: ComplianceEngineDeps): Promise<number> {
  const date = (at: Date) => DateTime.fromJSDate(at, { zone: practice.timeZone }).toFormat('cccc d LLLL yyyy');
  let sent = 0;
  for (const rule of FAMILIES) {
    const pending = (await deps.compliance.unresolvedAlerts(practiceId, rule)).filter(
      (alert) => alert.status === 'OPEN' && (alert.notifiedKind === null || ALERT_RANK[alert.kind] > ALERT_RANK[alert.notifiedKind]),
    );
    const contacts = await deps.compliance.staffContacts(practiceId, [...new Set(pending.flatMap((a) => [a.clinicianId, a.supervisorId ?? []].flat()))]);
    for (const alert of pending) {
      const clinician = contacts.get(alert.clinicianId);
      const supervisor = alert.supervisorId ? contacts.get(alert.supervisorId) : undefined;
      const link = `${deps.webUrl}/compliance?alert=${alert.id}`;
      const words = clinician && wording(rule, alert, clinician, rules, date);
      // The first email of an alert tells the clinician, whichever stage it opened at.
      if (clinician && words && alert.notifiedKind === null) {
        await deps.email.send({ to: clinician.email, subject: words.clinician.subject, text: letter(clinician, words.clinician.body, link, practice), idempotencyKey: `compliance-${alert.id}-clinician` });
        sent++;
      }
      const newlyEscalated = isEscalated(alert.kind) && (alert.notifiedKind === null || !isEscalated(alert.notifiedKind));
      if (supervisor && words && newlyEscalated) {
        await deps.email.send({ to: supervisor.email, subject: words.supervisor.subject, text: letter(supervisor, words.supervisor.body, link, practice), idempotencyKey: `compliance-${alert.id}-supervisor` });
        sent++;
      }
      await deps.compliance.markNotified(practiceId, alert.id, alert.kind);
    }
  }
  return sent;
}
