import { IsEmail, MaxLength, MinLength } from 'class-validator';
import { ArgsType, Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: 'One of your signed-in sessions (a browser or device).' })
export class SessionInfo {
  @Field(() => ID)
  id!: string;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'Last time it renewed its access (every few minutes while in use).' })
  lastUsedAt!: Date | null;

  @Field(() => String, { nullable: true })
  ip!: string | null;

  @Field(() => String, { nullable: true, description: 'The browser and system it reported.' })
  userAgent!: string | null;

  @Field(() => Boolean, { description: 'The session this request comes from.' })
  current!: boolean;
}

@ArgsType()
export class ChangePasswordArgs {
  @Field(() => String)
  @MaxLength(200)
  currentPassword!: string;

  @Field(() => String)
  @MinLength(1)
  @MaxLength(200)
  newPassword!: string;
}

@ArgsType()
export class RequestEmailChangeArgs {
  @Field(() => String)
  @IsEmail()
  @MaxLength(254)
  newEmail!: string;

  @Field(() => String, { description: 'Your password, so an unattended session cannot take over the account.' })
  @MaxLength(200)
  currentPassword!: string;
}
