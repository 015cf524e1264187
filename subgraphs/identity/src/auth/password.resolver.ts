import { SystemScope, type RequestContext } from '@solace/server-kit';
import { IsEmail, MaxLength, MinLength } from 'class-validator';
import { Args, ArgsType, Ctx, Field, Mutation, Resolver, UseMiddleware } from 'type-graphql';
import type { PasswordService } from './password.service';

@ArgsType()
class RequestPasswordResetArgs {
  @Field(() => String)
  @IsEmail()
  @MaxLength(254)
  email!: string;
}

@ArgsType()
class SetPasswordArgs {
  @Field(() => String, { description: 'The token from the emailed link.' })
  @MinLength(20)
  @MaxLength(200)
  token!: string;

  @Field(() => String)
  @MaxLength(1024)
  password!: string;
}

@Resolver()
export class PasswordResolver {
  constructor(private readonly passwords: PasswordService) {}

  @UseMiddleware(SystemScope)
  @Mutation(() => Boolean, { description: 'Emails a reset link if the address belongs to active staff. Always true, so it reveals nothing.' })
  requestPasswordReset(@Args(() => RequestPasswordResetArgs) { email }: RequestPasswordResetArgs, @Ctx() ctx: RequestContext) {
    return this.passwords.requestReset(email, ctx.requestId);
  }

  @UseMiddleware(SystemScope)
  @Mutation(() => Boolean, { description: 'Sets a password with an invitation or reset link (WEAK_PASSWORD, INVALID_TOKEN); ends all sessions.' })
  setPassword(@Args(() => SetPasswordArgs) { token, password }: SetPasswordArgs) {
    return this.passwords.setPassword(token, password);
  }
}
