import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'An ICD-10-CM diagnosis code from the shipped mental-health code set.' })
export class DiagnosisCode {
  @Field(() => String, { description: "With its dot, e.g. 'F41.1'." })
  code!: string;

  @Field(() => String)
  description!: string;

  @Field(() => Boolean, { description: 'Billable (a leaf code): only these may be put on a note.' })
  billable!: boolean;
}
