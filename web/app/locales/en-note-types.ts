// The note types' names, shared by the editor, signing, the queues and history.
export const noteTypes: Record<string, string> = {
  SOAP: 'SOAP note',
  PROGRESS: 'Progress note',
  INTAKE_ASSESSMENT: 'Intake assessment',
  PSYCHIATRIC_EVALUATION: 'Psychiatric evaluation',
  TREATMENT_PLAN: 'Treatment plan',
  SAFETY_PLAN: 'Safety plan',
  DISCHARGE_SUMMARY: 'Discharge summary',
  CRISIS_INTERVENTION: 'Crisis intervention',
};
