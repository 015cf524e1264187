import { Field, ID, ObjectType } from 'type-graphql';
import { StaffUser } from '../staff-user/staff-user.type';

@ObjectType({ description: 'A supervisor overseeing a supervisee (e.g. an associate under licensure supervision).' })
export class SupervisionLink {
  @Field(() => ID)
  id!: string;

  practiceId!: string;
  supervisorId!: string;
  superviseeId!: string;

  @Field(() => StaffUser)
  supervisor!: StaffUser;

  @Field(() => StaffUser)
  supervisee!: StaffUser;

  @Field(() => Date)
  startedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When the supervision ended; null while it lasts.' })
  endedAt!: Date | null;
}
