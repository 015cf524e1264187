import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType({
  description:
    'Visit outcomes of appointments that started in [from, to) and before now. Rates are 0–1 and null when nothing was scheduled. ' +
    'Kept-visit rate = completed / scheduled; no-show rate = no-shows / scheduled (the practices’ metric dictionary).',
})
export class PracticeMetrics {
  @Field(() => Date)
  from!: Date;

  @Field(() => Date)
  to!: Date;

  @Field(() => Int, { description: 'Every appointment in the period, cancelled ones included.' })
  scheduledCount!: number;

  @Field(() => Int)
  completedCount!: number;

  @Field(() => Int)
  noShowCount!: number;

  @Field(() => Int)
  cancelledCount!: number;

  @Field(() => Float, { nullable: true })
  keptVisitRate!: number | null;

  @Field(() => Float, { nullable: true })
  noShowRate!: number | null;

  @Field(() => Date)
  calculatedAt!: Date;
}
