// The PHQ-9 and GAD-7, word for word. Both were developed by Drs. Robert L. Spitzer, Janet B.W.
// Williams, Kurt Kroenke and colleagues with an educational grant from Pfizer Inc.; no permission is
// required to reproduce, translate, display or distribute them (https://www.phqscreeners.com).
//   PHQ-9: Kroenke K, Spitzer RL, Williams JBW. The PHQ-9: validity of a brief depression severity
//          measure. J Gen Intern Med 2001;16(9):606–613.
//   GAD-7: Spitzer RL, Kroenke K, Williams JBW, Löwe B. A brief measure for assessing generalized
//          anxiety disorder: the GAD-7. Arch Intern Med 2006;166(10):1092–1097.
// The PHQ-9's unscored tenth question (how difficult the problems made life) is not asked here.

export type Instrument = 'PHQ9' | 'GAD7';
export type Severity = 'MINIMAL' | 'MILD' | 'MODERATE' | 'MODERATELY_SEVERE' | 'SEVERE';

export interface SeverityBand {
  severity: Severity;
  min: number;
  max: number;
}

export interface InstrumentDefinition {
  instrument: Instrument;
  title: string;
  instructions: string;
  items: readonly string[];
  /** The answer options, scored by their position (0–3). */
  options: readonly string[];
  maxScore: number;
  bands: readonly SeverityBand[];
  /** The item (0-based) whose answer above 0 needs the clinician's attention, if any. */
  safetyItemIndex: number | null;
}

const FREQUENCY_OPTIONS = ['Not at all', 'Several days', 'More than half the days', 'Nearly every day'] as const;

export const PHQ9: InstrumentDefinition = {
  instrument: 'PHQ9',
  title: 'Patient Health Questionnaire (PHQ-9)',
  instructions: 'Over the last 2 weeks, how often have you been bothered by any of the following problems?',
  items: [
    'Little interest or pleasure in doing things',
    'Feeling down, depressed, or hopeless',
    'Trouble falling or staying asleep, or sleeping too much',
    'Feeling tired or having little energy',
    'Poor appetite or overeating',
    'Feeling bad about yourself — or that you are a failure or have let yourself or your family down',
    'Trouble concentrating on things, such as reading the newspaper or watching television',
    'Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual',
    'Thoughts that you would be better off dead or of hurting yourself in some way',
  ],
  options: FREQUENCY_OPTIONS,
  maxScore: 27,
  // Kroenke 2001: 5, 10, 15 and 20 mark mild, moderate, moderately severe and severe depression.
  bands: [
    { severity: 'MINIMAL', min: 0, max: 4 },
    { severity: 'MILD', min: 5, max: 9 },
    { severity: 'MODERATE', min: 10, max: 14 },
    { severity: 'MODERATELY_SEVERE', min: 15, max: 19 },
    { severity: 'SEVERE', min: 20, max: 27 },
  ],
  safetyItemIndex: 8,
};

export const GAD7: InstrumentDefinition = {
  instrument: 'GAD7',
  title: 'Generalized Anxiety Disorder (GAD-7)',
  instructions: 'Over the last 2 weeks, how often have you been bothered by the following problems?',
  items: [
    'Feeling nervous, anxious, or on edge',
    'Not being able to stop or control worrying',
    'Worrying too much about different things',
    'Trouble relaxing',
    'Being so restless that it is hard to sit still',
    'Becoming easily annoyed or irritable',
    'Feeling afraid, as if something awful might happen',
  ],
  options: FREQUENCY_OPTIONS,
  maxScore: 21,
  // Spitzer 2006: 5, 10 and 15 mark mild, moderate and severe anxiety.
  bands: [
    { severity: 'MINIMAL', min: 0, max: 4 },
    { severity: 'MILD', min: 5, max: 9 },
    { severity: 'MODERATE', min: 10, max: 14 },
    { severity: 'SEVERE', min: 15, max: 21 },
  ],
  safetyItemIndex: null,
};

export const INSTRUMENTS: Record<Instrument, InstrumentDefinition> = { PHQ9, GAD7 };
