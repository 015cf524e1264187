import { IsBoolean, IsEmail, IsOptional, Length, Matches, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';

@InputType({ description: 'A whole guardian (update replaces every field).' })
export class ClientGuardianInput {
  @Field(() => String)
  @Length(1, 200)
  name!: string;

  @Field(() => String)
  @Length(1, 60)
  relationship!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^\+?[0-9 ()-]{7,20}$/, { message: 'phone must be 7 to 20 digits, spaces, brackets or dashes' })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string | null;

  @Field(() => Boolean, { defaultValue: false })
  @IsBoolean()
  isLegalGuardian!: boolean;
}
