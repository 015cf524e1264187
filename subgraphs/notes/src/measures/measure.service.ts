import { DomainError, notFound } from '@solace/server-kit';
import { INSTRUMENTS, type Instrument } from './instruments';
import type { MeasureRepository, MeasureRow } from './measure.repository';
import { scoreMeasure, severityOf, summarizeTrend } from './measure-scoring';
import type { MeasureInstrumentDefinition, MeasureResult, MeasureTrend, RecordedMeasure } from './measure.type';

/** Who entered the answers: a staff user, or the client through the portal (no staff id). */
export type MeasureEnteredBy = { source: 'STAFF'; userId: string } | { source: 'CLIENT_PORTAL' };

// Answers dated a little ahead are clock skew between browser and server, not the future.
const CLOCK_SKEW_MS = 5 * 60_000;

const toResult = (row: MeasureRow): MeasureResult => ({ ...row, severity: severityOf(row.instrument, row.totalScore) });

export class MeasureService {
  constructor(private readonly measures: MeasureRepository) {}

  definitions(): MeasureInstrumentDefinition[] {
    return Object.values(INSTRUMENTS).map(({ safetyItemIndex, ...definition }) => ({ ...definition, safetyItem: safetyItemIndex === null ? null : safetyItemIndex + 1 }));
  }

  async record(practiceId: string, clientId: string, instrument: Instrument, answers: number[], administeredAt: Date, enteredBy: MeasureEnteredBy): Promise<RecordedMeasure> {
    const score = scoreMeasure(instrument, answers);
    if (Number.isNaN(administeredAt.getTime()) || administeredAt.getTime() > Date.now() + CLOCK_SKEW_MS) {
      throw new DomainError('BAD_USER_INPUT', 'administeredAt cannot be in the future.', { details: { field: 'administeredAt' } });
    }
    if (!(await this.measures.clientExists(practiceId, clientId))) throw notFound('Client', clientId);
    const row = await this.measures.create({
      practiceId,
      clientId,
      instrument,
      answers,
      totalScore: score.total,
      selfHarmRisk: score.selfHarmRisk,
      administeredAt,
      source: enteredBy.source,
      enteredById: enteredBy.source === 'STAFF' ? enteredBy.userId : null,
    });
    const suggestRiskFlag = score.selfHarmRisk && !(await this.measures.clientFlaggedAtRisk(practiceId, clientId));
    return { result: toResult(row), suggestRiskFlag };
  }

  async trend(practiceId: string, clientId: string, instrument: Instrument): Promise<MeasureTrend> {
    if (!(await this.measures.clientExists(practiceId, clientId))) throw notFound('Client', clientId);
    const points = (await this.measures.listForClient(practiceId, clientId, instrument)).map(toResult);
    const { bands, maxScore } = INSTRUMENTS[instrument];
    return { instrument, points, bands, maxScore, ...summarizeTrend(points.map((p) => p.totalScore)) };
  }
}
