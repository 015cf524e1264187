import { ArrayMaxSize, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';

const ITEM = 1_000;
const ITEMS = 30;

@InputType()
export class SafetyPlanContactInput {
  /** Blank entries (an empty row in the editor) are dropped by the service. */
  @Field(() => String)
  @MaxLength(200)
  name!: string;

  @Field(() => String, { defaultValue: '' })
  @MaxLength(300)
  contact!: string;
}

@InputType({ description: 'The seven Stanley–Brown sections; lists may be empty while the plan grows.' })
export class SafetyPlanInput {
  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(ITEMS)
  @MaxLength(ITEM, { each: true })
  warningSigns!: string[];

  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(ITEMS)
  @MaxLength(ITEM, { each: true })
  copingStrategies!: string[];

  @Field(() => [SafetyPlanContactInput], { defaultValue: [] })
  @ArrayMaxSize(ITEMS)
  @ValidateNested({ each: true })
  socialDistractions!: SafetyPlanContactInput[];

  @Field(() => [SafetyPlanContactInput], { defaultValue: [] })
  @ArrayMaxSize(ITEMS)
  @ValidateNested({ each: true })
  helpContacts!: SafetyPlanContactInput[];

  @Field(() => [SafetyPlanContactInput], { defaultValue: [] })
  @ArrayMaxSize(ITEMS)
  @ValidateNested({ each: true })
  professionalContacts!: SafetyPlanContactInput[];

  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(ITEMS)
  @MaxLength(ITEM, { each: true })
  environmentSafety!: string[];

  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(ITEMS)
  @MaxLength(ITEM, { each: true })
  reasonsForLiving!: string[];

  @Field(() => String, { defaultValue: '' })
  @MaxLength(ITEM)
  mostImportantReason!: string;
}

@ArgsType()
export class SaveSafetyPlanArgs {
  @Field(() => ID)
  @IsUUID()
  clientId!: string;

  @Field(() => SafetyPlanInput)
  @ValidateNested()
  plan!: SafetyPlanInput;
}
