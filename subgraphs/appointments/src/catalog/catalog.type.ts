import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export const Modality = { IN_PERSON: 'IN_PERSON', TELEHEALTH: 'TELEHEALTH' } as const;
export type Modality = (typeof Modality)[keyof typeof Modality];
registerEnumType(Modality, { name: 'Modality', description: 'How a session takes place.' });

@ObjectType({ description: 'An appointment type the practice offers: length, default CPT code and price.' })
export class Service {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Int)
  durationMinutes!: number;

  @Field(() => String, { nullable: true, description: 'Default CPT code for the charge, e.g. 90837.' })
  cptCode!: string | null;

  @Field(() => Int, { description: 'Default fee in cents.' })
  priceCents!: number;

  @Field(() => Boolean, { description: 'Offered on the public booking page.' })
  bookableOnline!: boolean;

  @Field(() => [Modality])
  modalities!: Modality[];

  @Field(() => Boolean)
  active!: boolean;
}

@ObjectType({ description: 'A room that in-person sessions can be booked into.' })
export class Room {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Boolean)
  active!: boolean;
}
