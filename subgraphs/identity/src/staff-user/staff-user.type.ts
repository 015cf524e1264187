import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Role } from './role.enum';

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A member of staff: clinician, supervisor, biller, front desk or admin.' })
export class StaffUser {
  @Field(() => ID)
  id!: string;

  practiceId!: string;

  @Field(() => String)
  displayName!: string;

  @Field(() => String)
  email!: string;

  @Field(() => [Role])
  roles!: Role[];
}
