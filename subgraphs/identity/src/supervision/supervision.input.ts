import { ArgsType, Field, ID } from 'type-graphql';

@ArgsType()
export class LinkSuperviseeArgs {
  @Field(() => ID)
  supervisorId!: string;

  @Field(() => ID)
  superviseeId!: string;
}
