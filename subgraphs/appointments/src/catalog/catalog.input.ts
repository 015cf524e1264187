import { ArrayMinSize, ArrayUnique, IsBoolean, IsIn, IsInt, IsOptional, Length, Matches, Max, Min } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { Modality } from './catalog.type';

@InputType()
export class ServiceInput {
  @Field(() => String)
  @Length(1, 120)
  name!: string;

  @Field(() => Int)
  @IsInt()
  @Min(5)
  @Max(720)
  durationMinutes!: number;

  @Field(() => String, { nullable: true, description: 'A five-character CPT/HCPCS code (e.g. 90834).' })
  @IsOptional()
  @Matches(/^[0-9A-Z]{5}$/, { message: 'cptCode must be five digits or capital letters, e.g. 90834' })
  cptCode?: string | null;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  priceCents!: number;

  @Field(() => Boolean, { defaultValue: false })
  @IsBoolean()
  bookableOnline!: boolean;

  @Field(() => [Modality], { defaultValue: [Modality.IN_PERSON, Modality.TELEHEALTH] })
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(Object.values(Modality), { each: true })
  modalities!: Modality[];

  @Field(() => Boolean, { defaultValue: true })
  @IsBoolean()
  active!: boolean;
}

@InputType()
export class RoomInput {
  @Field(() => String)
  @Length(1, 80)
  name!: string;

  @Field(() => Boolean, { defaultValue: true })
  @IsBoolean()
  active!: boolean;
}
