// The templates every practice starts with, one or more per note type. They are copied into the
// practice's own rows the first time it uses templates (see README.md), so notes reference a
// version row like any other and row-level security needs no exception.
import type { NoteType } from '../note/note.type';
import type { TemplateFieldDefinition } from './template-definition';

export interface BuiltInTemplate {
  key: string;
  name: string;
  description: string;
  noteType: NoteType;
  fields: TemplateFieldDefinition[];
}

const longText = (id: string, label: string, helpText: string, required = true): TemplateFieldDefinition => ({ id, kind: 'LONG_TEXT', label, required, helpText });

const RISK: TemplateFieldDefinition = {
  id: 'risk_level',
  kind: 'SINGLE_CHOICE',
  label: 'Risk assessment',
  required: true,
  helpText: 'Current risk of harm to self or others.',
  options: ['No current risk identified', 'Low', 'Moderate', 'High'],
};

export const BUILT_IN_TEMPLATES: readonly BuiltInTemplate[] = [
  {
    key: 'SOAP',
    name: 'SOAP note',
    description: 'Subjective, Objective, Assessment, Plan.',
    noteType: 'SOAP',
    fields: [
      longText('subjective', 'Subjective', "The client's report: presenting concerns, symptoms, events since the last session, in their words."),
      longText('objective', 'Objective', 'What you observed: appearance, affect, behaviour, mental status, measures (PHQ-9, GAD-7).'),
      longText('assessment', 'Assessment', 'Your clinical impression: progress toward goals, diagnosis, risk.'),
      longText('plan', 'Plan', 'Interventions, homework, next session, referrals.'),
      RISK,
    ],
  },
  {
    key: 'DAP',
    name: 'DAP note',
    description: 'Data, Assessment, Plan.',
    noteType: 'PROGRESS',
    fields: [
      longText('data', 'Data', 'What the client said and what you observed in the session, interventions used.'),
      longText('assessment', 'Assessment', 'Your interpretation: progress, response to interventions, risk.'),
      longText('plan', 'Plan', 'Next steps, homework, next session date and focus.'),
      RISK,
    ],
  },
  {
    key: 'PROGRESS',
    name: 'Progress note',
    description: 'A brief narrative progress note.',
    noteType: 'PROGRESS',
    fields: [
      longText('session_focus', 'Session focus', 'Topics and goals addressed in this session.'),
      longText('interventions', 'Interventions', 'Therapeutic techniques used (e.g. CBT, DBT skills, MI).'),
      { id: 'progress', kind: 'SINGLE_CHOICE', label: 'Progress toward goals', required: true, options: ['Significant progress', 'Some progress', 'No change', 'Regression'] },
      longText('plan', 'Plan', 'Next steps and focus of the next session.'),
      RISK,
    ],
  },
  {
    key: 'INTAKE_ASSESSMENT',
    name: 'Intake assessment',
    description: 'First-session biopsychosocial assessment.',
    noteType: 'INTAKE_ASSESSMENT',
    fields: [
      longText('presenting_problem', 'Presenting problem', 'Why the client is seeking care now, in their words.'),
      longText('history_of_problem', 'History of the presenting problem', 'Onset, duration, course, previous episodes.'),
      longText('psychiatric_history', 'Psychiatric and treatment history', 'Previous diagnoses, therapy, hospitalisations, medications.'),
      longText('substance_use', 'Substance use', 'Alcohol, drugs, tobacco: pattern, amount, last use.'),
      longText('medical_history', 'Medical history and medications', 'Current conditions, medications, allergies.', false),
      longText('social_history', 'Family and social history', 'Family, relationships, work or school, housing, support, culture.'),
      longText('mental_status', 'Mental status exam', 'Appearance, behaviour, speech, mood, affect, thought process and content, cognition, insight, judgement.'),
      RISK,
      longText('diagnostic_impression', 'Diagnostic impression', 'Working diagnosis and rationale.'),
      longText('recommendations', 'Recommendations and plan', 'Level of care, frequency, modality, referrals.'),
    ],
  },
  {
    key: 'PSYCHIATRIC_EVALUATION',
    name: 'Psychiatric evaluation',
    description: 'Psychiatric diagnostic evaluation, with or without medical services.',
    noteType: 'PSYCHIATRIC_EVALUATION',
    fields: [
      longText('chief_complaint', 'Chief complaint', "The reason for the evaluation, in the client's words."),
      longText('history_of_present_illness', 'History of present illness', 'Symptoms, onset, duration, severity, triggers.'),
      longText('past_psychiatric_history', 'Past psychiatric history', 'Diagnoses, hospitalisations, suicide attempts, medication trials and responses.'),
      longText('medications', 'Current medications and allergies', 'Name, dose, adherence, side effects; allergies.'),
      longText('substance_use', 'Substance use', 'Pattern, amount, last use, treatment.'),
      longText('mental_status', 'Mental status exam', 'Appearance, behaviour, speech, mood, affect, thought, perception, cognition, insight, judgement.'),
      RISK,
      longText('assessment', 'Assessment and diagnosis', 'Formulation and diagnoses.'),
      longText('plan', 'Plan', 'Medication changes, labs, therapy, follow-up.'),
    ],
  },
  {
    key: 'DISCHARGE_SUMMARY',
    name: 'Discharge summary',
    description: 'Closing summary at the end of treatment.',
    noteType: 'DISCHARGE_SUMMARY',
    fields: [
      { id: 'discharge_reason', kind: 'SINGLE_CHOICE', label: 'Reason for discharge', required: true, options: ['Treatment goals met', 'Client chose to end treatment', 'Referred to another provider', 'Client stopped attending', 'Other'] },
      longText('course_of_treatment', 'Course of treatment', 'Presenting problems, interventions, number of sessions.'),
      longText('progress', 'Progress and outcome', 'Progress toward each goal; measure scores at intake and discharge.'),
      longText('condition_at_discharge', 'Condition at discharge', 'Current symptoms, functioning and risk.'),
      longText('aftercare', 'Aftercare and referrals', 'Recommendations, referrals, how to return to care.'),
      { id: 'last_session', kind: 'DATE', label: 'Date of last session', required: false },
    ],
  },
  {
    key: 'CRISIS_INTERVENTION',
    name: 'Crisis intervention',
    description: 'Crisis contact: situation, risk, intervention and disposition.',
    noteType: 'CRISIS_INTERVENTION',
    fields: [
      longText('situation', 'Crisis situation', 'What happened, who reached out, precipitating events.'),
      longText('risk_assessment', 'Risk assessment', 'Suicidal or homicidal ideation, plan, intent, means, protective factors.'),
      RISK,
      longText('interventions', 'Interventions', 'De-escalation, safety planning, means restriction, contacts made.'),
      { id: 'disposition', kind: 'SINGLE_CHOICE', label: 'Disposition', required: true, options: ['Remains in the community with a safety plan', 'Referred for urgent evaluation', 'Emergency services contacted', 'Voluntary hospitalisation', 'Involuntary hospitalisation'] },
      longText('follow_up', 'Follow-up plan', 'Next contact, who is responsible, when.'),
    ],
  },
  {
    key: 'TREATMENT_PLAN',
    name: 'Treatment plan note',
    description: 'Narrative that accompanies the structured treatment plan.',
    noteType: 'TREATMENT_PLAN',
    fields: [longText('narrative', 'Treatment plan narrative', 'Summary of the plan discussed with the client; the problems, goals and objectives are kept in the treatment plan.')],
  },
  {
    key: 'SAFETY_PLAN',
    name: 'Safety plan note',
    description: 'Narrative that accompanies the structured safety plan.',
    noteType: 'SAFETY_PLAN',
    fields: [longText('narrative', 'Safety plan narrative', 'How the safety plan was made and reviewed with the client; the plan itself is kept in the safety plan.')],
  },
];

/** The built-in a new note of this type starts with when no template is chosen. */
export const DEFAULT_BUILT_IN: Record<NoteType, string> = {
  SOAP: 'SOAP',
  PROGRESS: 'DAP',
  INTAKE_ASSESSMENT: 'INTAKE_ASSESSMENT',
  PSYCHIATRIC_EVALUATION: 'PSYCHIATRIC_EVALUATION',
  TREATMENT_PLAN: 'TREATMENT_PLAN',
  SAFETY_PLAN: 'SAFETY_PLAN',
  DISCHARGE_SUMMARY: 'DISCHARGE_SUMMARY',
  CRISIS_INTERVENTION: 'CRISIS_INTERVENTION',
};
