import { IsDate } from 'class-validator';
import { ArgsType, Field } from 'type-graphql';

@ArgsType()
export class MetricsPeriodArgs {
  @Field(() => Date)
  @IsDate()
  from!: Date;

  @Field(() => Date)
  @IsDate()
  to!: Date;
}
