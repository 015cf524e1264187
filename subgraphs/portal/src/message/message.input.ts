import { IsUUID, Length } from 'class-validator';
import { ArgsType, Field, ID } from 'type-graphql';

@ArgsType()
export class SendMessageArgs {
  @Field(() => ID)
  @IsUUID()
  threadId!: string;

  @Field(() => String)
  @Length(1, 10_000)
  body!: string;
}

@ArgsType()
export class StartThreadArgs {
  @Field(() => ID)
  @IsUUID()
  clientId!: string;

  @Field(() => String)
  @Length(1, 200)
  subject!: string;
}
