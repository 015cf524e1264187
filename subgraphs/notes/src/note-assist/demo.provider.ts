// The provider used when no AI service is configured (local runs, demos, tests of the workflow).
// It is deterministic and says what it is: it sorts the clinician's own sentences or bullets into
// the template's text fields by plain keyword rules, and proposes codes from a short keyword list.
// It never invents content; every word it suggests came from the clinician's source.
import type { AssistField, DiagnosisProposal, DiagnosisRequest, DraftProposal, DraftRequest, NoteAssistProvider } from './note-assist-provider';

export const DEMO_NOTICE = 'Demo suggestion (no AI service configured): your own sentences, sorted into the fields by keyword rules. Review before accepting.';

/** Words that suggest where a sentence belongs, by common field ids of the built-in templates. */
const FIELD_CUES: Record<string, RegExp> = {
  subjective: /\b(reports?|reported|states?|stated|says?|said|feels?|felt|describes?|complains?|shared|endorses?)\b/i,
  data: /\b(reports?|reported|states?|says?|said|feels?|observed|appeared)\b/i,
  objective: /\b(observed|appeared|appears|affect|eye contact|speech|oriented|groomed|presented|mse|phq|gad)\b/i,
  assessment: /\b(assess\w*|progress\w*|improv\w*|worsen\w*|symptoms?|consistent with|meets?|risk)\b/i,
  plan: /\b(plan\w*|next|homework|follow[- ]?up|continue|schedul\w*|practice|refer\w*|will)\b/i,
  interventions: /\b(cbt|dbt|emdr|interven\w*|reframing|psychoeducation|mindfulness|exposure|taught|practiced|used)\b/i,
};

const TEXT_KINDS = new Set(['TEXT', 'LONG_TEXT']);

/** Bullet points or sentences, in the order written. */
export function splitSource(source: string): string[] {
  return source
    .split(/\n+|(?<=[.!?])\s+/)
    .map((line) => line.replace(/^\s*(?:[-*•·]|\d+[.)])\s*/, '').trim())
    .filter((line) => line.length > 0);
}

function fieldFor(sentence: string, fields: AssistField[]): AssistField | undefined {
  return fields.find((field) => FIELD_CUES[field.id]?.test(sentence));
}

export class DemoNoteAssistProvider implements NoteAssistProvider {
  readonly name = 'demo';
  readonly model = 'solace-demo-rules-1';
  readonly notice = DEMO_NOTICE;

  draftNote(request: DraftRequest): Promise<DraftProposal> {
    const fields = request.fields.filter((field) => TEXT_KINDS.has(field.kind));
    const sentences = splitSource(request.source);
    const byField = new Map<string, string[]>();
    // Sentences no rule places go to the first text field, so nothing the clinician wrote is lost.
    const fallback = fields[0];
    for (const sentence of sentences) {
      const field = fieldFor(sentence, fields) ?? fallback;
      if (!field) continue;
      byField.set(field.id, [...(byField.get(field.id) ?? []), sentence]);
    }
    const result: Record<string, string> = {};
    for (const [id, lines] of byField) result[id] = lines.map((line) => (/[.!?]$/.test(line) ? line : `${line}.`)).join(' ');
    return Promise.resolve({ fields: result });
  }

  suggestDiagnoses(request: DiagnosisRequest): Promise<DiagnosisProposal> {
    const found = DEMO_CODE_CUES.filter(({ cue }) => cue.test(request.text)).map(({ code, label }) => ({ code, rationale: `Demo rule: the note mentions ${label}.` }));
    return Promise.resolve({ codes: found.slice(0, 5) });
  }
}

/** Keyword → code; the service still keeps only codes of the shipped ICD-10-CM table. */
const DEMO_CODE_CUES: Array<{ cue: RegExp; code: string; label: string }> = [
  { cue: /\bpanic\b/i, code: 'F41.0', label: 'panic' },
  { cue: /\b(anxi\w*|worr\w*)\b/i, code: 'F41.1', label: 'anxiety or worry' },
  { cue: /\b(depress\w*|low mood|hopeless\w*|anhedonia)\b/i, code: 'F32.A', label: 'depressive symptoms' },
  { cue: /\b(ptsd|trauma\w*|nightmares?|flashbacks?)\b/i, code: 'F43.10', label: 'trauma symptoms' },
  { cue: /\b(adjustment|stressor)\b/i, code: 'F43.20', label: 'an adjustment to a stressor' },
  { cue: /\b(insomnia|can't sleep|cannot sleep|trouble sleeping)\b/i, code: 'F51.01', label: 'sleep difficulty' },
  { cue: /\b(alcohol|drinking)\b/i, code: 'F10.10', label: 'alcohol use' },
];
