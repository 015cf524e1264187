// The instructions sent with each request. The model answers with one JSON object (response_format
// json_object); the service validates it and drops anything that does not fit the template or the
// code set, so a model that strays cannot put unchecked content in front of the clinician.
import type { DiagnosisRequest, DraftRequest } from './note-assist-provider';

export const DRAFT_SYSTEM_PROMPT = [
  'You help a licensed mental-health clinician document a therapy session.',
  'From the clinician\'s transcript or bullet points, draft the fields of their note template.',
  'Use only facts stated in the source; never invent symptoms, risk findings or diagnoses.',
  'Write in the clinician\'s professional voice, concise, third person ("Client reports ...").',
  'For a field with options, answer with exactly one of the options, or leave it out.',
  'Answer with one JSON object: {"fields": {"<field id>": "<text>", ...}}. Leave out fields the source says nothing about.',
].join(' ');

export const DIAGNOSIS_SYSTEM_PROMPT = [
  'You help a licensed mental-health clinician code a session note with ICD-10-CM.',
  'Suggest at most five billable ICD-10-CM codes supported by the note text, most relevant first, each with a one-sentence rationale quoting the note.',
  'Suggest nothing the text does not support.',
  'Answer with one JSON object: {"codes": [{"code": "F41.1", "rationale": "..."}]}.',
].join(' ');

export function draftUserMessage(request: DraftRequest): string {
  const fields = request.fields.map((field) => ({ id: field.id, label: field.label, kind: field.kind, ...(field.helpText ? { help: field.helpText } : {}), ...(field.options?.length ? { options: field.options } : {}) }));
  return JSON.stringify({ noteType: request.noteType, fields, source: request.source });
}

export function diagnosisUserMessage(request: DiagnosisRequest): string {
  return JSON.stringify({ noteType: request.noteType, note: request.text });
}
