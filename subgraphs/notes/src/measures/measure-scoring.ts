// Scoring of the PHQ-9 and GAD-7 and the meaning of a series of scores. Pure functions: the service,
// the portal and the tests share them.
import { DomainError } from '@solace/server-kit';
import { INSTRUMENTS, type Instrument, type Severity } from './instruments';

export interface Score {
  total: number;
  severity: Severity;
  /** The instrument's safety item (PHQ-9 item 9) was answered above 0. */
  selfHarmRisk: boolean;
}

/** Refuses anything but one whole 0–3 answer per item, then sums them. */
export function scoreMeasure(instrument: Instrument, answers: readonly number[]): Score {
  const definition = INSTRUMENTS[instrument];
  if (answers.length !== definition.items.length) {
    throw new DomainError('BAD_USER_INPUT', `${instrument} needs ${definition.items.length} answers; got ${answers.length}.`, { details: { field: 'answers' } });
  }
  answers.forEach((answer, index) => {
    if (!Number.isInteger(answer) || answer < 0 || answer > definition.options.length - 1) {
      throw new DomainError('BAD_USER_INPUT', `Answer ${index + 1} must be a whole number from 0 to ${definition.options.length - 1}.`, { details: { field: 'answers', item: index + 1 } });
    }
  });
  const total = answers.reduce((sum, answer) => sum + answer, 0);
  const safetyItem = definition.safetyItemIndex;
  return { total, severity: severityOf(instrument, total), selfHarmRisk: safetyItem !== null && answers[safetyItem]! > 0 };
}

export function severityOf(instrument: Instrument, total: number): Severity {
  const band = INSTRUMENTS[instrument].bands.find((b) => total >= b.min && total <= b.max);
  if (!band) throw new DomainError('BAD_USER_INPUT', `${total} is not a possible ${instrument} total.`);
  return band.severity;
}

export interface TrendSummary {
  changeSinceFirst: number | null;
  changeSincePrevious: number | null;
  /** Percent change of the latest total against the first (negative = improvement). */
  percentChangeSinceFirst: number | null;
  /** Latest total at least 50% below a baseline in the mild range or above. */
  response: boolean;
  /** Latest total under 5 after a baseline of 5 or more. */
  remission: boolean;
}

// Conventions for a hint, not a diagnosis:
// - Response: a ≥50% drop from baseline (Kroenke K, Spitzer RL. The PHQ-9: a new depression
//   diagnostic and severity measure. Psychiatr Ann 2002;32:509–515; McMillan D, Gilbody S, Richards D.
//   Defining successful treatment outcome in depression using the PHQ-9. J Affect Disord
//   2010;127:122–129).
// - Remission: PHQ-9 < 5 (Kroenke K et al. Enhancing the clinical utility of depression screening.
//   CMAJ 2012;184(3):281–282; Kroenke 2002 above). For the GAD-7 the same < 5 ("minimal") cut-off
//   is used by analogy (Spitzer 2006 bands).
// A baseline under 5 is already minimal, so neither hint applies to it.
const RESPONSE_DROP = 0.5;
const REMISSION_BELOW = 5;

/** `totals` in the order administered, oldest first. */
export function summarizeTrend(totals: readonly number[]): TrendSummary {
  if (totals.length === 0) return { changeSinceFirst: null, changeSincePrevious: null, percentChangeSinceFirst: null, response: false, remission: false };
  const first = totals[0]!;
  const latest = totals.at(-1)!;
  const hasHistory = totals.length > 1;
  const symptomaticBaseline = first >= REMISSION_BELOW;
  return {
    changeSinceFirst: hasHistory ? latest - first : null,
    changeSincePrevious: hasHistory ? latest - totals.at(-2)! : null,
    percentChangeSinceFirst: hasHistory && first > 0 ? Math.round(((latest - first) / first) * 1000) / 10 : null,
    response: hasHistory && symptomaticBaseline && latest <= first * (1 - RESPONSE_DROP),
    remission: hasHistory && symptomaticBaseline && latest < REMISSION_BELOW,
  };
}
