import { describe, expect, it } from 'vitest';
import { billingHold, calendarDaysSince, complianceRuleProblems, GEORGIA_COMPLIANCE_RULES, noteStage, planStage, startOfDayAfter } from './compliance-rules';

describe('complianceRuleProblems', () => {
  it('accepts the Georgia defaults', () => {
    expect(complianceRuleProblems(GEORGIA_COMPLIANCE_RULES)).toEqual([]);
  });

  it('names the field and a stable code for each problem', () => {
    expect(complianceRuleProblems({ ...GEORGIA_COMPLIANCE_RULES, noteReminderDay: 0, planReviewAlertDay: 2.5, planOutOfComplianceDay: 400 }).map((p) => [p.field, p.code])).toEqual([
      ['noteReminderDay', 'DAY_NOT_POSITIVE_INTEGER'],
      ['planReviewAlertDay', 'DAY_NOT_POSITIVE_INTEGER'],
      ['planOutOfComplianceDay', 'DAY_TOO_LARGE'],
    ]);
    expect(complianceRuleProblems({ ...GEORGIA_COMPLIANCE_RULES, noteReminderDay: 7, noteBillingHoldDay: 7 }).map((p) => [p.field, p.code])).toEqual([
      ['noteSupervisorAlertDay', 'DAYS_OUT_OF_ORDER'],
      ['noteBillingHoldDay', 'DAYS_OUT_OF_ORDER'],
    ]);
  });
});

describe('calendar days in the practice’s time zone', () => {
  it('counts local dates, also across a daylight-saving change', () => {
    // Saturday 9 March 2030, 23:00 in New York → Monday 11 March, 00:30 (clocks went forward on the 10th).
    expect(calendarDaysSince(new Date('2030-03-10T04:00:00Z'), new Date('2030-03-11T04:30:00Z'), 'America/New_York')).toBe(2);
    expect(calendarDaysSince(new Date('2030-03-10T04:00:00Z'), new Date('2030-03-11T03:30:00Z'), 'America/New_York')).toBe(1);
    expect(startOfDayAfter(new Date('2030-03-09T15:00:00Z'), 2, 'America/New_York').toISOString()).toBe('2030-03-11T04:00:00.000Z');
  });
});

describe('stages', () => {
  it('follow the day thresholds', () => {
    expect([4, 5, 6, 7, 13, 14, 30].map((day) => noteStage(day, GEORGIA_COMPLIANCE_RULES)?.kind ?? null)).toEqual([
      null,
      'NOTE_OVERDUE_REMINDER',
      'NOTE_OVERDUE_REMINDER',
      'NOTE_OVERDUE',
      'NOTE_OVERDUE',
      'NOTE_BILLING_HOLD',
      'NOTE_BILLING_HOLD',
    ]);
    expect([79, 80, 90, 91].map((day) => planStage(day, GEORGIA_COMPLIANCE_RULES)?.kind ?? null)).toEqual([null, 'PLAN_REVIEW_DUE', 'PLAN_REVIEW_OVERDUE', 'PLAN_OUT_OF_COMPLIANCE']);
  });
});

describe('billingHold', () => {
  const session = { appointmentId: 'a1', serviceDate: new Date('2030-01-01T15:00:00Z'), timeZone: 'UTC', rules: { noteBillingHoldDay: 14 } };
  it('holds an unsigned session from the hold day and releases it once signed or amended', () => {
    expect(billingHold({ ...session, note: null, now: new Date('2030-01-14T23:00:00Z') })).toBeNull();
    expect(billingHold({ ...session, note: { id: 'n1', status: 'DRAFT' }, now: new Date('2030-01-15T00:30:00Z') })).toEqual({ reason: 'NOTE_UNSIGNED', appointmentId: 'a1', noteId: 'n1', days: 14, holdDay: 14 });
    expect(billingHold({ ...session, note: { id: 'n1', status: 'IN_REVIEW' }, now: new Date('2030-02-01T00:00:00Z') })?.days).toBe(31);
    for (const status of ['SIGNED', 'AMENDED']) expect(billingHold({ ...session, note: { id: 'n1', status }, now: new Date('2030-02-01T00:00:00Z') })).toBeNull();
  });
});
