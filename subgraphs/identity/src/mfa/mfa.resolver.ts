import { allowedRoles, requireUser, type RequestContext } from '@solace/server-kit';
import { Length } from 'class-validator';
import { Args, ArgsType, Authorized, Ctx, Field, Mutation, Resolver } from 'type-graphql';
import { MfaEnrollment } from './mfa.types';
import type { MfaService } from './mfa.service';

@ArgsType()
class ConfirmMfaArgs {
  @Field(() => String)
  @Length(6, 6)
  code!: string;
}

@Resolver()
export class MfaResolver {
  constructor(private readonly mfa: MfaService) {}

  @Authorized(...allowedRoles('startMfaEnrollment'))
  @Mutation(() => MfaEnrollment, { description: 'Begins TOTP enrollment; confirm with confirmMfaEnrollment.' })
  startMfaEnrollment(@Ctx() ctx: RequestContext) {
    return this.mfa.startEnrollment(requireUser(ctx).sub);
  }

  @Authorized(...allowedRoles('confirmMfaEnrollment'))
  @Mutation(() => [String], { description: 'Turns MFA on with the first code; returns ten one-time recovery codes, shown only now.' })
  confirmMfaEnrollment(@Args(() => ConfirmMfaArgs) { code }: ConfirmMfaArgs, @Ctx() ctx: RequestContext) {
    return this.mfa.confirmEnrollment(requireUser(ctx).sub, code);
  }
}
