import { ArrayMinSize, ArrayUnique, IsEmail, IsUUID, Length, MaxLength } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { Role } from './role.enum';

@InputType()
export class InviteStaffInput {
  @Field(() => String)
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @Field(() => String)
  @Length(1, 120)
  displayName!: string;

  @Field(() => [Role])
  @ArrayMinSize(1)
  @ArrayUnique()
  roles!: Role[];
}

@ArgsType()
export class ChangeStaffRolesArgs {
  @Field(() => ID)
  @IsUUID()
  id!: string;

  @Field(() => [Role])
  @ArrayMinSize(1)
  @ArrayUnique()
  roles!: Role[];
}
