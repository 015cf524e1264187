// The compliance engine for one practice at one instant: it works out which sessions are
// documented late and how late (in the practice's calendar days), opens an alert per late session,
// moves it up the stages as days pass (reminder → supervisor alert → billing hold), resolves it
// once the note is signed (or the visit no longer needs one), and emails each stage once.
// Every step is safe to repeat: the unique index keeps one unresolved alert per session, stage
// moves are conditional updates, and emails carry idempotency keys.
import type { Logger } from '@solace/server-kit';
import { DateTime } from 'luxon';
import type { EmailProvider } from '../email/email-provider';
import {
  ALERT_RANK,
  ALERT_SEVERITY,
  calendarDaysSince,
  noteStage,
  startOfDayAfter,
  type ComplianceAlertKind,
  type ComplianceRulesValues,
  type NoteAlertKind,
} from './compliance-rules';
import type { ComplianceRepository, NewAlert, UndocumentedSession } from './compliance.repository';

export interface ComplianceEngineDeps {
  compliance: ComplianceRepository;
  email: EmailProvider;
  webUrl: string;
  log: Logger;
}

export interface ComplianceRunSummary {
  created: number;
  escalated: number;
  resolved: number;
  emailed: number;
}

const DAY_MS = 86_400_000;

export async function runComplianceEngine(practiceId: string, now: Date, deps: ComplianceEngineDeps): Promise<ComplianceRunSummary> {
  const practice = await deps.compliance.practice(practiceId);
  if (!practice) return { created: 0, escalated: 0, resolved: 0, emailed: 0 };
  const rules = await deps.compliance.rules(practiceId);
  const summary = await applyNoteRule(practiceId, practice.timeZone, rules, now, deps);
  summary.emailed = await sendNoteEmails(practiceId, practice, rules, deps);
  return summary;
}

interface LateSession extends UndocumentedSession {
  kind: NoteAlertKind;
}

async function applyNoteRule(practiceId: string, timeZone: string, rules: ComplianceRulesValues, now: Date, deps: ComplianceEngineDeps): Promise<ComplianceRunSummary> {
  // A day of margin either side of the time-zone offset; the exact count is taken per session.
  const before = new Date(now.getTime() - (rules.noteReminderDay - 1) * DAY_MS);
  const late = new Map<string, LateSession>();
  for (const session of await deps.compliance.undocumentedSessions(practiceId, before)) {
    const stage = noteStage(calendarDaysSince(session.startsAt, now, timeZone), rules);
    if (stage) late.set(session.appointmentId, { ...session, kind: stage.kind });
  }

  const unresolved = await deps.compliance.unresolvedAlerts(practiceId, 'NOTE_DOCUMENTATION');
  const resolved = await deps.compliance.resolve(
    practiceId,
    unresolved.filter((alert) => !late.has(alert.subjectId)).map((alert) => alert.id),
    now,
  );

  const supervisors = await deps.compliance.supervisorsOf(practiceId, [...new Set([...late.values()].map((s) => s.clinicianId))]);
  const existing = new Map(unresolved.map((alert) => [alert.subjectId, alert]));
  const fresh: NewAlert[] = [];
  let escalated = 0;
  for (const session of late.values()) {
    const escalation = escalationFor(session.kind, supervisors.get(session.clinicianId) ?? null, now);
    const dueAt = startOfDayAfter(session.startsAt, rules.noteSupervisorAlertDay, timeZone);
    const alert = existing.get(session.appointmentId);
    if (!alert) {
      fresh.push({
        practiceId,
        rule: 'NOTE_DOCUMENTATION',
        kind: session.kind,
        severity: ALERT_SEVERITY[session.kind],
        subjectId: session.appointmentId,
        clientId: session.clientId,
        appointmentId: session.appointmentId,
        noteId: session.noteId,
        clinicianId: session.clinicianId,
        ...escalation,
        startsAt: session.startsAt,
        dueAt,
      });
      continue;
    }
    if (alert.kind === session.kind && alert.noteId === session.noteId && alert.dueAt.getTime() === dueAt.getTime()) continue;
    const rising = ALERT_RANK[session.kind] > ALERT_RANK[alert.kind];
    // Keep the first escalation's time and supervisor; a rule change that lowers the stage drops it.
    const stillEscalated = escalation.escalatedAt !== null;
    const moved = await deps.compliance.moveStage(practiceId, alert.id, {
      kind: session.kind,
      severity: ALERT_SEVERITY[session.kind],
      dueAt,
      noteId: session.noteId,
      supervisorId: stillEscalated ? (alert.supervisorId ?? escalation.supervisorId) : null,
      escalatedAt: stillEscalated ? (alert.escalatedAt ?? escalation.escalatedAt) : null,
      reopen: rising,
    });
    if (moved && rising) escalated++;
  }
  const created = await deps.compliance.createAlerts(fresh);
  return { created, escalated, resolved, emailed: 0 };
}

/** From the supervisor-alert stage on, the alert is escalated: to the supervisor of a supervisee (admins see every alert). */
function escalationFor(kind: ComplianceAlertKind, supervisorId: string | null, now: Date): { supervisorId: string | null; escalatedAt: Date | null } {
  return ALERT_RANK[kind] >= ALERT_RANK.NOTE_OVERDUE ? { supervisorId, escalatedAt: now } : { supervisorId: null, escalatedAt: null };
}

/**
 * Day-5 reminder to the clinician and day-7 alert to the supervisor, each once per alert. The
 * messages name no client (minimum necessary): the session date and a link into Solace.
 */
async function sendNoteEmails(practiceId: string, practice: { name: string; timeZone: string }, rules: ComplianceRulesValues, deps: ComplianceEngineDeps): Promise<number> {
  const pending = (await deps.compliance.unresolvedAlerts(practiceId, 'NOTE_DOCUMENTATION')).filter(
    (alert) => alert.status === 'OPEN' && (alert.notifiedKind === null || ALERT_RANK[alert.kind] > ALERT_RANK[alert.notifiedKind]),
  );
  const contacts = await deps.compliance.staffContacts(practiceId, [...new Set(pending.flatMap((a) => [a.clinicianId, a.supervisorId ?? []].flat()))]);
  let sent = 0;
  for (const alert of pending) {
    const clinician = contacts.get(alert.clinicianId);
    const date = DateTime.fromJSDate(alert.startsAt, { zone: practice.timeZone }).toFormat('cccc d LLLL yyyy');
    const link = `${deps.webUrl}/compliance?alert=${alert.id}`;
    // A first email for an alert that skipped the reminder stage still tells the clinician.
    if (clinician && alert.notifiedKind === null) {
      await deps.email.send({
        to: clinician.email,
        subject: 'Reminder: a session note is waiting for your signature',
        text: [
          `Hi ${clinician.displayName},`,
          '',
          `Your note for the session on ${date} is not signed yet. Notes are due within ${rules.noteSupervisorAlertDay} days of the session.`,
          `Open it in Solace: ${link}`,
          '',
          `— ${practice.name}`,
        ].join('\n'),
        idempotencyKey: `compliance-${alert.id}-clinician`,
      });
      sent++;
    }
    const supervisor = alert.supervisorId ? contacts.get(alert.supervisorId) : undefined;
    if (supervisor && clinician && ALERT_RANK[alert.kind] >= ALERT_RANK.NOTE_OVERDUE && (alert.notifiedKind === null || ALERT_RANK[alert.notifiedKind] < ALERT_RANK.NOTE_OVERDUE)) {
      await deps.email.send({
        to: supervisor.email,
        subject: `Overdue note: ${clinician.displayName}`,
        text: [
          `Hi ${supervisor.displayName},`,
          '',
          `${clinician.displayName}'s note for the session on ${date} is overdue (not signed within ${rules.noteSupervisorAlertDay} days).`,
          `See your team's alerts in Solace: ${link}`,
          '',
          `— ${practice.name}`,
        ].join('\n'),
        idempotencyKey: `compliance-${alert.id}-supervisor`,
      });
      sent++;
    }
    await deps.compliance.markNotified(practiceId, alert.id, alert.kind);
  }
  return sent;
}
