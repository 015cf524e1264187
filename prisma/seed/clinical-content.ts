// The words of the demo clinical record: Dana's intake, her weekly progress notes with Maya, her
// treatment plan and questionnaire scores, and one note of the associate's. Field ids are those of
// the built-in templates (subgraphs/notes/src/templates/built-in-templates.ts); the seed checks
// every value against the template version, so a renamed field fails the seed test, not the demo.

const NO_RISK = 'No current risk identified';

export const INTAKE = {
  presenting_problem: 'Dana describes constant worry about work and her health, trouble falling asleep, and feeling "flat" for about three months. She wants to "stop living on edge".',
  history_of_problem: 'Worry began after a reorganisation at work last spring; low mood followed in the autumn. Similar but milder period in college that resolved without treatment.',
  psychiatric_history: 'No previous diagnoses or hospitalisations. Six sessions of counselling in college. No psychiatric medication.',
  substance_use: 'Two to three glasses of wine a week; more on stressful weeks. No drugs. Non-smoker.',
  medical_history: 'Migraines, managed with sumatriptan as needed. No known allergies.',
  social_history: 'Lives with her partner; close to her sister. Works as a project manager. Enjoys hiking but has stopped going.',
  mental_status: 'Well groomed, cooperative, good eye contact. Speech normal. Mood "stressed"; affect anxious, congruent. Thought process linear; no suicidal or homicidal ideation. Insight and judgement good.',
  risk_level: 'Low',
  diagnostic_impression: 'Generalized anxiety disorder (F41.1) with a moderate depressive episode (F32.1). PHQ-9 17, GAD-7 15.',
  recommendations: 'Weekly individual CBT, 53 minutes. PHQ-9 and GAD-7 at each session. Treatment plan next session. Sleep hygiene handout given.',
};

/** One per weekly session after the intake, oldest first (DAP template). */
export const PROGRESS_NOTES = [
  {
    data: 'Reviewed the treatment plan together and agreed on goals. Dana kept a worry log for three days. Introduced the cognitive model with two of her own examples.',
    assessment: 'Engaged and motivated; still sleeping about five hours. Understands the link between worry and avoidance.',
    plan: 'Worry log daily; scheduled "worry time" 15 minutes each evening. Next: identifying thinking traps.',
  },
  {
    data: 'Worry log completed five of seven days. Identified catastrophising and mind-reading in work situations. Practised diaphragmatic breathing in session.',
    assessment: 'Some reduction in evening rumination with worry time. Mood slightly brighter.',
    plan: 'Breathing exercise twice a day; thought record for one work worry. Next: challenging automatic thoughts.',
  },
  {
    data: 'Worked through a thought record about a presentation. Dana generated balanced alternatives with little prompting. Planned one pleasant activity: a short hike on Saturday.',
    assessment: 'Good uptake of cognitive skills. Sleep improving (six to seven hours).',
    plan: 'Thought records three times this week; the hike. Next: behavioural activation schedule.',
  },
  {
    data: 'Dana went hiking with her sister and enjoyed it. Built a weekly activity schedule with three pleasant and two mastery activities. Discussed setting a boundary with her manager on evening emails.',
    assessment: 'Clear progress on both goals; PHQ-9 now in the mild range.',
    plan: 'Follow the activity schedule; rehearse the boundary conversation. Next: role-play.',
  },
  {
    data: 'Role-played the conversation with her manager; Dana then had it on Wednesday and it went well. Reviewed thought records; fewer entries needed.',
    assessment: 'Anxiety steadily lower; using skills on her own between sessions.',
    plan: 'Keep the schedule and breathing practice. Next: relapse-prevention plan.',
  },
  {
    data: 'Started a relapse-prevention plan: early warning signs, skills that help, people to call. Dana used breathing before a difficult meeting unprompted.',
    assessment: 'Mild symptoms only; goals largely on track.',
    plan: 'Finish the relapse-prevention plan at home. Discuss moving to fortnightly sessions after the next review.',
  },
];

export const NO_CURRENT_RISK = NO_RISK;

/** The draft Maya has not finished: the note of the most recent session. */
export const DRAFT_NOTE = {
  data: 'Dana reports a stressful week with a deadline; used breathing and worry time. Reviewed her relapse-prevention plan.',
};

/** The associate's note, complete and submitted to the supervisor. */
export const ASSOCIATE_NOTE = {
  data: 'Second session. Alex described panic symptoms on the train to work twice this week. Psychoeducation on the panic cycle; practised paced breathing.',
  assessment: 'Alex understood the model and practised well in session. Motivated; no safety concerns.',
  plan: 'Paced breathing twice a day and a panic diary. Next session: interoceptive exposure, introduced gradually.',
  risk_level: NO_RISK,
};

export const DIAGNOSES = ['F41.1', 'F32.1'];

/** Weekly scores from the intake on, improving (the trend charts draw these). */
export const PHQ9_TOTALS = [17, 15, 14, 12, 10, 8, 7, 6];
export const GAD7_TOTALS = [15, 14, 12, 11, 9, 8, 6, 5];

export function treatmentPlanProblems(clinicianId: string, startDate: Date) {
  const weeksLater = (weeks: number) => new Date(startDate.getTime() + weeks * 7 * 86_400_000).toISOString().slice(0, 10);
  return [
    {
      description: 'Excessive worry about work and health, with poor sleep.',
      icd10Code: 'F41.1',
      goals: [
        {
          description: 'Reduce anxiety to a mild level and sleep at least seven hours most nights.',
          objectives: [
            { description: 'GAD-7 below 10 on three consecutive weekly measures.', target: 'GAD-7 < 10', measure: 'GAD-7 weekly', targetDate: weeksLater(10), status: 'IN_PROGRESS' as const },
            { description: 'Use worry time and breathing on at least five days a week.', target: '5 of 7 days', measure: 'Worry log', targetDate: weeksLater(6), status: 'ACHIEVED' as const },
          ],
          interventions: [{ modality: 'Cognitive behavioural therapy', frequency: 'Weekly, 53 minutes', responsibleClinicianId: clinicianId }],
        },
      ],
    },
    {
      description: 'Low mood and withdrawal from activities she enjoys.',
      icd10Code: 'F32.1',
      goals: [
        {
          description: 'Re-engage in valued and pleasant activities.',
          objectives: [{ description: 'Complete three planned pleasant activities a week.', target: '3 a week', measure: 'Activity schedule; PHQ-9 weekly', targetDate: weeksLater(8), status: 'IN_PROGRESS' as const }],
          interventions: [{ modality: 'Behavioural activation', frequency: 'Weekly', responsibleClinicianId: clinicianId }],
        },
      ],
    },
  ];
}
