import { IsEmail, IsUUID, Matches, MaxLength } from 'class-validator';
import { ArgsType, Field, ID } from 'type-graphql';

@ArgsType()
export class InviteClientToPortalArgs {
  @Field(() => ID)
  @IsUUID()
  clientId!: string;

  @Field(() => String, { description: "Where the invitation goes; usually the client's email on record." })
  @IsEmail()
  @MaxLength(254)
  email!: string;
}

@ArgsType()
export class RequestClientSignInArgs {
  @Field(() => String)
  @IsEmail()
  @MaxLength(254)
  email!: string;
}

@ArgsType()
export class CompleteClientSignInArgs {
  @Field(() => String)
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @Field(() => String, { description: 'The six-digit code from the email.' })
  @Matches(/^\s*\d{6}\s*$/, { message: 'The code has six digits.' })
  code!: string;
}

@ArgsType()
export class ClientIdArgs {
  @Field(() => ID)
  @IsUUID()
  clientId!: string;
}
