import { Field, ObjectType } from 'type-graphql';
import { StaffUser } from '../staff-user/staff-user.type';

@ObjectType()
export class AuthPayload {
  @Field(() => String, { description: 'Bearer token for the Authorization header; expires after 15 minutes.' })
  accessToken!: string;

  @Field(() => Date)
  expiresAt!: Date;

  @Field(() => String, { description: 'Single-use token for refreshSession; valid 7 days. Keep it secret.' })
  refreshToken!: string;

  @Field(() => StaffUser)
  user!: StaffUser;
}
