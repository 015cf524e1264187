import { ArrayMaxSize, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { NoteType } from '../note/note.type';
import { FIELD_KINDS, type FieldKind, TEMPLATE_LIMITS } from './template-definition';
import { TemplateFieldKind } from './template.type';

// Shapes only: the rules between fields (options for choice kinds, scale bounds...) are checked by
// validateTemplateFields so that they come back with stable reasons.
@InputType()
export class TemplateFieldInput {
  @Field(() => String)
  @IsString()
  @MaxLength(40)
  id!: string;

  @Field(() => TemplateFieldKind)
  @IsIn(FIELD_KINDS)
  kind!: FieldKind;

  @Field(() => String)
  @MaxLength(TEMPLATE_LIMITS.maxLabel + 20)
  label!: string;

  @Field(() => Boolean, { defaultValue: false })
  @IsBoolean()
  required!: boolean;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(TEMPLATE_LIMITS.maxHelpText + 20)
  helpText?: string | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(TEMPLATE_LIMITS.maxOptions + 1)
  options?: string[] | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(-100)
  @Max(100)
  scaleMin?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(-100)
  @Max(100)
  scaleMax?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(60)
  scaleMinLabel?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(60)
  scaleMaxLabel?: string | null;
}

@InputType()
export class NoteTemplateInput {
  @Field(() => String)
  @MaxLength(TEMPLATE_LIMITS.maxName + 20)
  name!: string;

  @Field(() => String, { defaultValue: '' })
  @MaxLength(TEMPLATE_LIMITS.maxDescription)
  description!: string;

  @Field(() => NoteType)
  noteType!: NoteType;

  @Field(() => [TemplateFieldInput])
  @ArrayMaxSize(TEMPLATE_LIMITS.maxFields + 1)
  @ValidateNested({ each: true })
  fields!: TemplateFieldInput[];
}

@ArgsType()
export class UpdateNoteTemplateArgs {
  @Field(() => ID)
  @IsUUID()
  id!: string;

  @Field(() => NoteTemplateInput)
  @ValidateNested()
  input!: NoteTemplateInput;
}

@ArgsType()
export class NoteTemplatesArgs {
  @Field(() => NoteType, { nullable: true, description: 'Only templates for this note type.' })
  @IsOptional()
  noteType?: NoteType | null;

  @Field(() => Boolean, { defaultValue: false })
  includeArchived!: boolean;
}
