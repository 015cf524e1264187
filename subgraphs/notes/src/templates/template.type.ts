import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { NoteType } from '../note/note.type';
import { FIELD_KINDS, type FieldKind } from './template-definition';

export const TemplateFieldKind = Object.fromEntries(FIELD_KINDS.map((kind) => [kind, kind])) as { [K in FieldKind]: K };
registerEnumType(TemplateFieldKind, {
  name: 'TemplateFieldKind',
  valuesConfig: {
    TEXT: { description: 'One line of text.' },
    LONG_TEXT: { description: 'Paragraphs of text.' },
    SINGLE_CHOICE: { description: 'One of the options.' },
    MULTIPLE_CHOICE: { description: 'Any of the options.' },
    SCALE: { description: 'A whole number from scaleMin to scaleMax.' },
    CHECKBOX: { description: 'Yes or no.' },
    DATE: { description: 'A calendar date (YYYY-MM-DD).' },
  },
});

@ObjectType({ description: 'One field of a note template.' })
export class TemplateField {
  @Field(() => String, { description: "Key of the field's value in a note's content." })
  id!: string;

  @Field(() => TemplateFieldKind)
  kind!: FieldKind;

  @Field(() => String)
  label!: string;

  @Field(() => Boolean, { description: 'Must be filled in before the note can be signed (drafts may leave it empty).' })
  required!: boolean;

  @Field(() => String, { nullable: true })
  helpText!: string | null;

  @Field(() => [String], { description: 'The choices of a choice field; empty otherwise.' })
  options!: string[];

  @Field(() => Int, { nullable: true })
  scaleMin!: number | null;

  @Field(() => Int, { nullable: true })
  scaleMax!: number | null;

  @Field(() => String, { nullable: true })
  scaleMinLabel!: string | null;

  @Field(() => String, { nullable: true })
  scaleMaxLabel!: string | null;
}

@ObjectType({ description: 'An unchangeable version of a template; notes keep the version they were written with.' })
export class NoteTemplateVersion {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  templateId!: string;

  @Field(() => String, { description: "The template's name when this version was read." })
  templateName!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => [TemplateField])
  fields!: TemplateField[];

  @Field(() => Date)
  createdAt!: Date;
}

@ObjectType({ description: 'A note template: built in (read-only) or made by the practice.' })
export class NoteTemplate {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  description!: string;

  @Field(() => NoteType)
  noteType!: NoteType;

  @Field(() => Boolean, { description: 'Shipped with Solace; copy it to change it.' })
  builtIn!: boolean;

  @Field(() => Boolean)
  archived!: boolean;

  @Field(() => NoteTemplateVersion, { description: 'The newest version, which new notes use.' })
  currentVersion!: NoteTemplateVersion;

  createdById!: string | null;

  @Field(() => Date)
  updatedAt!: Date;
}
