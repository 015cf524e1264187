// Treatment plans are reviewed every 90 days (the interval most payers and accreditors — e.g. many
// Medicaid programs and CARF — ask of outpatient behavioral health plans). The compliance engine reads
// TreatmentPlan.reviewDueAt: reminder from day 80, alert on day 90, out of compliance from day 91.
export const REVIEW_INTERVAL_DAYS = 90;
const DAY_MS = 86_400_000;

/** The review falls due 90 days after activation or after the last review. */
export function reviewDueAfter(from: Date): Date {
  return new Date(from.getTime() + REVIEW_INTERVAL_DAYS * DAY_MS);
}
