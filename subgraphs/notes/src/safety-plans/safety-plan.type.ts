// The Stanley–Brown Safety Planning Intervention (Stanley B, Brown GK. Safety planning intervention:
// a brief intervention to mitigate suicide risk. Cogn Behav Pract 2012;19(2):256–264): seven steps,
// in the client's own words, from noticing a crisis coming to reasons for living.
import { StaffUserRef } from '@solace/server-kit';
import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A person, place or service on a safety plan, and how to reach it.' })
export class SafetyPlanContact {
  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'Phone number, address or other way to reach them ("" when none).' })
  contact!: string;
}

export interface SafetyPlanSections {
  warningSigns: string[];
  copingStrategies: string[];
  socialDistractions: SafetyPlanContact[];
  helpContacts: SafetyPlanContact[];
  professionalContacts: SafetyPlanContact[];
  environmentSafety: string[];
  reasonsForLiving: string[];
  mostImportantReason: string;
}

@ObjectType({ description: 'One version of a client\'s Stanley–Brown safety plan.' })
export class SafetyPlan implements SafetyPlanSections {
  @Field(() => ID)
  id!: string;

  clientId!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => Boolean, { description: 'The version in force (the latest).' })
  current!: boolean;

  @Field(() => StaffUserRef)
  createdBy!: StaffUserRef;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When a newer version replaced it.' })
  supersededAt!: Date | null;

  @Field(() => [String], { description: 'Step 1: warning signs (thoughts, images, mood, situations, behavior) that a crisis may be developing.' })
  warningSigns!: string[];

  @Field(() => [String], { description: 'Step 2: internal coping strategies — things to take my mind off my problems without contacting another person.' })
  copingStrategies!: string[];

  @Field(() => [SafetyPlanContact], { description: 'Step 3: people and social settings that provide distraction.' })
  socialDistractions!: SafetyPlanContact[];

  @Field(() => [SafetyPlanContact], { description: 'Step 4: people whom I can ask for help.' })
  helpContacts!: SafetyPlanContact[];

  @Field(() => [SafetyPlanContact], { description: 'Step 5: professionals or agencies to contact during a crisis (e.g. the 988 Suicide & Crisis Lifeline).' })
  professionalContacts!: SafetyPlanContact[];

  @Field(() => [String], { description: 'Step 6: making the environment safe (e.g. securing lethal means).' })
  environmentSafety!: string[];

  @Field(() => [String], { description: 'Reasons for living.' })
  reasonsForLiving!: string[];

  @Field(() => String, { description: 'The one thing that is most important to me and worth living for.' })
  mostImportantReason!: string;
}
