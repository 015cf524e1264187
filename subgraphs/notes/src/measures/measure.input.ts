import { ArrayMaxSize, ArrayMinSize, IsInt, IsUUID, Max, Min } from 'class-validator';
import { ArgsType, Field, ID, Int } from 'type-graphql';
import type { Instrument } from './instruments';
import { MeasureInstrument } from './measure.type';

/** The answers themselves; the portal's mutation for the signed-in client extends this without clientId. */
@ArgsType()
export class MeasureAnswersArgs {
  @Field(() => MeasureInstrument)
  instrument!: Instrument;

  @Field(() => [Int], { description: 'One answer per item, 0–3, in the order of the instrument.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(9)
  @IsInt({ each: true })
  @Min(0, { each: true })
  @Max(3, { each: true })
  answers!: number[];

  @Field(() => Date, { description: 'When the client answered; not in the future.' })
  administeredAt!: Date;
}

@ArgsType()
export class RecordMeasureArgs extends MeasureAnswersArgs {
  @Field(() => ID)
  @IsUUID()
  clientId!: string;
}

@ArgsType()
export class MeasureTrendArgs {
  @Field(() => ID)
  @IsUUID()
  clientId!: string;

  @Field(() => MeasureInstrument)
  instrument!: Instrument;
}
