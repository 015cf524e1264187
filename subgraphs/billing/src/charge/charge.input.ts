import { IsInt, IsUUID, Matches, Max, Min } from 'class-validator';
import { ArgsType, Field, ID, Int } from 'type-graphql';

@ArgsType()
export class CreateChargeArgs {
  @Field(() => ID)
  @IsUUID()
  appointmentId!: string;

  @Field(() => String)
  @Matches(/^\d{5}$/, { message: 'cptCode must be a five-digit CPT code' })
  cptCode!: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  amountCents!: number;
}
