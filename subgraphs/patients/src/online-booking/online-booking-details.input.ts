import { IsEmail, IsISO8601, Length, Matches, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';

@InputType({ description: 'Who is booking, from the public booking form.' })
export class OnlineBookingDetailsInput {
  @Field(() => String)
  @Length(1, 100)
  firstName!: string;

  @Field(() => String)
  @Length(1, 100)
  lastName!: string;

  @Field(() => String, { description: 'Calendar date, YYYY-MM-DD.' })
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  dateOfBirth!: string;

  @Field(() => String)
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @Field(() => String)
  @Matches(/^\+?[0-9 ()-]{7,20}$/, { message: 'phone must be a phone number' })
  phone!: string;
}
