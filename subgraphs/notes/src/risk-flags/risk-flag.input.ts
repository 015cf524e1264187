import { IsUUID, MaxLength, MinLength } from 'class-validator';
import { ArgsType, Field, ID } from 'type-graphql';
import { RiskLevel } from './risk-flag.type';

@ArgsType()
export class FlagClientAtRiskArgs {
  @Field(() => ID)
  @IsUUID()
  clientId!: string;

  @Field(() => RiskLevel)
  level!: RiskLevel;

  @Field(() => String, { description: 'What the judgement rests on (e.g. PHQ-9 item 9, disclosure in session).' })
  @MinLength(1)
  @MaxLength(5_000)
  reason!: string;
}

@ArgsType()
export class ClearClientRiskFlagArgs {
  @Field(() => ID)
  @IsUUID()
  clientId!: string;

  @Field(() => String)
  @MinLength(1)
  @MaxLength(5_000)
  reason!: string;
}
