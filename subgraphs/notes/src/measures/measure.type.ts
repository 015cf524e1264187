import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { Instrument, Severity } from './instruments';

export const MeasureInstrument = { PHQ9: 'PHQ9', GAD7: 'GAD7' } as const satisfies Record<Instrument, Instrument>;
registerEnumType(MeasureInstrument, { name: 'MeasureInstrument', valuesConfig: { PHQ9: { description: 'Depression (9 items).' }, GAD7: { description: 'Anxiety (7 items).' } } });

export const MeasureSeverity = { MINIMAL: 'MINIMAL', MILD: 'MILD', MODERATE: 'MODERATE', MODERATELY_SEVERE: 'MODERATELY_SEVERE', SEVERE: 'SEVERE' } as const satisfies Record<Severity, Severity>;
registerEnumType(MeasureSeverity, { name: 'MeasureSeverity' });

export const MeasureSource = { STAFF: 'STAFF', CLIENT_PORTAL: 'CLIENT_PORTAL' } as const;
export type MeasureSource = (typeof MeasureSource)[keyof typeof MeasureSource];
registerEnumType(MeasureSource, { name: 'MeasureSource', valuesConfig: { STAFF: { description: 'Entered by staff.' }, CLIENT_PORTAL: { description: 'Filled in by the client in the portal.' } } });

@ObjectType({ description: 'A severity band of an instrument: totals from min to max inclusive.' })
export class MeasureSeverityBand {
  @Field(() => MeasureSeverity)
  severity!: Severity;

  @Field(() => Int)
  min!: number;

  @Field(() => Int)
  max!: number;
}

@ObjectType({ description: 'A public-domain questionnaire with its exact wording, answer options and bands.' })
export class MeasureInstrumentDefinition {
  @Field(() => MeasureInstrument)
  instrument!: Instrument;

  @Field(() => String)
  title!: string;

  @Field(() => String)
  instructions!: string;

  @Field(() => [String])
  items!: readonly string[];

  @Field(() => [String], { description: 'Answer options, scored 0, 1, 2, 3 in this order.' })
  options!: readonly string[];

  @Field(() => Int)
  maxScore!: number;

  @Field(() => [MeasureSeverityBand])
  bands!: readonly MeasureSeverityBand[];

  @Field(() => Int, { nullable: true, description: 'The 1-based item whose answer above 0 needs clinician attention (PHQ-9 item 9).' })
  safetyItem!: number | null;
}

@ObjectType({ description: 'One administration of a PHQ-9 or GAD-7 for a client, scored.' })
export class MeasureResult {
  @Field(() => ID)
  id!: string;

  clientId!: string;

  @Field(() => MeasureInstrument)
  instrument!: Instrument;

  @Field(() => [Int], { description: 'One 0–3 answer per item, in order.' })
  answers!: number[];

  @Field(() => Int)
  totalScore!: number;

  @Field(() => MeasureSeverity)
  severity!: Severity;

  @Field(() => Boolean, { description: 'PHQ-9 item 9 (thoughts of self-harm) was answered above 0: review it and consider flagging the client at risk.' })
  selfHarmRisk!: boolean;

  @Field(() => Date)
  administeredAt!: Date;

  @Field(() => MeasureSource)
  source!: MeasureSource;

  @Field(() => ID, { nullable: true, description: 'The staff user who entered it; null when the client did.' })
  enteredById!: string | null;
}

@ObjectType({ description: 'What recording a measure returns: the result, and whether to suggest the risk flag.' })
export class RecordedMeasure {
  @Field(() => MeasureResult)
  result!: MeasureResult;

  @Field(() => Boolean, { description: 'Self-harm was endorsed and the client is not flagged at risk: suggest flagging (never done silently).' })
  suggestRiskFlag!: boolean;
}

@ObjectType({ description: "A client's scores on one instrument over time, oldest first, with what changed." })
export class MeasureTrend {
  @Field(() => MeasureInstrument)
  instrument!: Instrument;

  @Field(() => [MeasureResult])
  points!: MeasureResult[];

  @Field(() => Int, { nullable: true, description: 'Latest total minus the first (negative = fewer symptoms).' })
  changeSinceFirst!: number | null;

  @Field(() => Int, { nullable: true, description: 'Latest total minus the one before it.' })
  changeSincePrevious!: number | null;

  @Field(() => Float, { nullable: true })
  percentChangeSinceFirst!: number | null;

  @Field(() => Boolean, { description: 'Hint: the latest total is at least 50% below a symptomatic baseline.' })
  response!: boolean;

  @Field(() => Boolean, { description: 'Hint: the latest total is under 5 after a symptomatic baseline.' })
  remission!: boolean;

  @Field(() => [MeasureSeverityBand])
  bands!: readonly MeasureSeverityBand[];

  @Field(() => Int)
  maxScore!: number;
}
