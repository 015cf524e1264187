import { Args, Mutation, Resolver } from 'type-graphql';
import { AuthPayload } from './auth-payload.type';
import { LoginArgs } from './auth.input';
import type { AuthService } from './auth.service';

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Mutation(() => AuthPayload, { description: 'Staff sign-in with email and password. Open to anonymous callers.' })
  login(@Args(() => LoginArgs) { email, password }: LoginArgs): Promise<AuthPayload> {
    return this.auth.login(email, password);
  }
}
