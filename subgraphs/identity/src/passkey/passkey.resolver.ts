import { allowedRoles, requireUser, SystemScope, type RequestContext } from '@solace/server-kit';
import { Length } from 'class-validator';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, ID, Mutation, Query, Resolver, UseMiddleware } from 'type-graphql';
import { AuthPayload } from '../auth/auth-payload.type';
import type { PasskeyService } from './passkey.service';
import { Passkey, PasskeyChallenge } from './passkey.type';

@ArgsType()
class RegisterPasskeyArgs {
  @Field(() => String)
  challengeId!: string;

  @Field(() => String, { description: 'A name to recognise it by, e.g. "Work laptop".' })
  @Length(1, 60)
  name!: string;

  @Field(() => String, { description: 'RegistrationResponseJSON from @simplewebauthn/browser startRegistration().' })
  responseJson!: string;
}

@Resolver(() => Passkey)
export class PasskeyResolver {
  constructor(private readonly passkeys: PasskeyService) {}

  @Authorized(...allowedRoles('myPasskeys'))
  @Query(() => [Passkey], { description: "The signed-in staff member's passkeys." })
  myPasskeys(@Ctx() ctx: RequestContext): Promise<Passkey[]> {
    return this.passkeys.list(requireUser(ctx));
  }

  @Authorized(...allowedRoles('startPasskeyRegistration'))
  @Mutation(() => PasskeyChallenge, { description: 'Begins adding a passkey; finish with registerPasskey.' })
  startPasskeyRegistration(@Ctx() ctx: RequestContext): Promise<PasskeyChallenge> {
    return this.passkeys.registrationOptions(requireUser(ctx));
  }

  @Authorized(...allowedRoles('registerPasskey'))
  @Mutation(() => Passkey, { description: 'Adds the passkey the browser created (BAD_USER_INPUT when it does not verify, INVALID_TOKEN when the challenge expired).' })
  registerPasskey(@Args(() => RegisterPasskeyArgs) { challengeId, name, responseJson }: RegisterPasskeyArgs, @Ctx() ctx: RequestContext): Promise<Passkey> {
    return this.passkeys.register(requireUser(ctx), challengeId, name, responseJson);
  }

  @Authorized(...allowedRoles('renamePasskey'))
  @Mutation(() => Passkey)
  renamePasskey(@Arg('id', () => ID) id: string, @Arg('name', () => String) name: string, @Ctx() ctx: RequestContext): Promise<Passkey> {
    return this.passkeys.rename(requireUser(ctx), id, name);
  }

  @Authorized(...allowedRoles('deletePasskey'))
  @Mutation(() => Boolean, { description: 'Removes one of your passkeys; it can no longer sign in.' })
  deletePasskey(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<boolean> {
    return this.passkeys.remove(requireUser(ctx), id);
  }

  @UseMiddleware(SystemScope)
  @Mutation(() => PasskeyChallenge, { description: 'Begins a passkey sign-in (no email needed); finish with signInWithPasskey.' })
  startPasskeySignIn(): Promise<PasskeyChallenge> {
    return this.passkeys.signInOptions();
  }

  @UseMiddleware(SystemScope)
  @Mutation(() => AuthPayload, { description: 'Signs in with the passkey the browser chose (AuthenticationResponseJSON). Counts as two-step verification.' })
  signInWithPasskey(@Arg('challengeId', () => String) challengeId: string, @Arg('responseJson', () => String) responseJson: string, @Ctx() ctx: RequestContext): Promise<AuthPayload> {
    return this.passkeys.signIn(challengeId, responseJson, { ip: ctx.ip ?? null, userAgent: ctx.userAgent ?? null });
  }
}
