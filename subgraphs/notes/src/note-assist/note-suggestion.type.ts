import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ClinicalNote } from '../note/note.type';

export const NoteSuggestionKind = { NOTE_DRAFT: 'NOTE_DRAFT', DIAGNOSES: 'DIAGNOSES' } as const;
registerEnumType(NoteSuggestionKind, { name: 'NoteSuggestionKind', valuesConfig: { NOTE_DRAFT: { description: 'Text for the template’s fields, drafted from a transcript or bullet points.' }, DIAGNOSES: { description: 'ICD-10-CM codes for the note.' } } });

export const NoteSuggestionStatus = { PROPOSED: 'PROPOSED', ACCEPTED: 'ACCEPTED', REJECTED: 'REJECTED' } as const;
registerEnumType(NoteSuggestionStatus, { name: 'NoteSuggestionStatus', valuesConfig: { PROPOSED: { description: 'Waiting for the author; not in the note.' }, ACCEPTED: { description: 'The author took (part of) it into the note.' }, REJECTED: { description: 'Dismissed; the note is unchanged.' } } });

@ObjectType({ description: 'Suggested text for one template field.' })
export class SuggestedNoteField {
  @Field(() => String)
  fieldId!: string;

  @Field(() => String)
  label!: string;

  @Field(() => String)
  value!: string;
}

@ObjectType({ description: 'A suggested ICD-10-CM code (always one of the shipped, billable codes).' })
export class SuggestedDiagnosis {
  @Field(() => String)
  code!: string;

  @Field(() => String)
  description!: string;

  @Field(() => String, { description: 'Why the assistant suggests it.' })
  rationale!: string;
}

@ObjectType({ description: 'What an assistant proposed for a draft note; part of the note only once its author accepts it.' })
export class NoteSuggestion {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  noteId!: string;

  @Field(() => NoteSuggestionKind)
  kind!: keyof typeof NoteSuggestionKind;

  @Field(() => String, { description: '"demo" for the local demo provider (no AI service configured), "openai", ...' })
  provider!: string;

  @Field(() => String)
  model!: string;

  @Field(() => String, { nullable: true, description: 'Shown with the suggestion (the demo provider says it is a demo).' })
  notice!: string | null;

  @Field(() => NoteSuggestionStatus)
  status!: keyof typeof NoteSuggestionStatus;

  @Field(() => [SuggestedNoteField])
  fields!: SuggestedNoteField[];

  @Field(() => [SuggestedDiagnosis])
  codes!: SuggestedDiagnosis[];

  @Field(() => Int, { description: 'The note’s revision when it was suggested.' })
  noteRevision!: number;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => ID, { nullable: true })
  decidedById!: string | null;

  @Field(() => Date, { nullable: true })
  decidedAt!: Date | null;

  @Field(() => [String], { description: 'The field ids or codes the author accepted.' })
  acceptedParts!: string[];
}

@ObjectType()
export class AcceptedNoteSuggestion {
  @Field(() => NoteSuggestion)
  suggestion!: NoteSuggestion;

  @Field(() => ClinicalNote, { description: 'The note as saved with the accepted part (its new revision).' })
  note!: ClinicalNote;
}
