import type { PrismaClient } from '@solace/server-kit';
import type { Instrument } from './instruments';
import type { MeasureSource } from './measure.type';

const FIELDS = { id: true, clientId: true, instrument: true, answers: true, totalScore: true, selfHarmRisk: true, administeredAt: true, source: true, enteredById: true } as const;

export interface MeasureRow {
  id: string;
  clientId: string;
  instrument: Instrument;
  answers: number[];
  totalScore: number;
  selfHarmRisk: boolean;
  administeredAt: Date;
  source: MeasureSource;
  enteredById: string | null;
}

export class MeasureRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async clientExists(practiceId: string, clientId: string): Promise<boolean> {
    return (await this.prisma.client.findFirst({ where: { id: clientId, practiceId }, select: { id: true } })) !== null;
  }

  /** Whether the client has an open risk flag (owned by this domain's risk-flags module). */
  async clientFlaggedAtRisk(practiceId: string, clientId: string): Promise<boolean> {
    return (await this.prisma.clientRiskFlag.findFirst({ where: { practiceId, clientId, clearedAt: null }, select: { id: true } })) !== null;
  }

  create(data: Omit<MeasureRow, 'id'> & { practiceId: string }): Promise<MeasureRow> {
    return this.prisma.measureResponse.create({ data, select: FIELDS });
  }

  /** Oldest first; ties broken by entry order so a trend is stable. */
  listForClient(practiceId: string, clientId: string, instrument: Instrument): Promise<MeasureRow[]> {
    return this.prisma.measureResponse.findMany({ where: { practiceId, clientId, instrument }, select: FIELDS, orderBy: [{ administeredAt: 'asc' }, { createdAt: 'asc' }] });
  }
}
