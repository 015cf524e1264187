// Where note suggestions come from. The suggestion service asks a NoteAssistProvider to draft a
// note's template fields from the clinician's source text, or to propose ICD-10-CM codes; which
// provider is chosen here from SOLACE_AI_PROVIDER (README.md beside this file). Providers receive
// de-identified text only (assist-redaction.ts) and never write anything themselves.
import type { Logger } from '@solace/server-kit';
import { DemoNoteAssistProvider } from './demo.provider';
import { OpenAiNoteAssistProvider } from './openai.provider';

/** A template field as the provider sees it: no values, just what to fill. */
export interface AssistField {
  id: string;
  label: string;
  kind: string;
  helpText?: string | null;
  options?: string[] | null;
}

export interface DraftRequest {
  noteType: string;
  fields: AssistField[];
  /** The session transcript or bullet points, identifiers already removed. */
  source: string;
}

export interface DraftProposal {
  /** Suggested text per field id; fields the provider could not fill are absent. */
  fields: Record<string, string>;
}

export interface DiagnosisRequest {
  noteType: string;
  /** The note's text, identifiers already removed. */
  text: string;
}

export interface DiagnosisProposal {
  codes: Array<{ code: string; rationale: string }>;
}

export interface NoteAssistProvider {
  /** 'openai', 'demo', ... stored with every suggestion. */
  readonly name: string;
  readonly model: string;
  /** Shown with every suggestion of this provider (the demo provider says it is one); null otherwise. */
  readonly notice: string | null;
  draftNote(request: DraftRequest): Promise<DraftProposal>;
  suggestDiagnoses(request: DiagnosisRequest): Promise<DiagnosisProposal>;
}

export type NoteAssistErrorCode = 'RATE_LIMITED' | 'UNAUTHORIZED' | 'PROVIDER_UNAVAILABLE' | 'BAD_RESPONSE' | 'REJECTED';

/** A failed request: `retryable` when trying again later can help (rate limits, outages, a garbled answer). */
export class NoteAssistError extends Error {
  constructor(
    readonly code: NoteAssistErrorCode,
    readonly retryable: boolean,
    message: string,
    /** Seconds the provider asked us to wait (Retry-After). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'NoteAssistError';
  }
}

export const DEFAULT_OPENAI_MODEL = 'gpt-4o-mini';
export const OPENAI_BASE_URL = 'https://api.openai.com';

export function createNoteAssistProvider(env: NodeJS.ProcessEnv, log: Logger): NoteAssistProvider {
  const kind = env.SOLACE_AI_PROVIDER ?? (env.OPENAI_API_KEY ? 'openai' : 'demo');
  if (kind === 'demo') return new DemoNoteAssistProvider();
  if (kind === 'openai') {
    if (!env.OPENAI_API_KEY) throw new Error('SOLACE_AI_PROVIDER=openai needs OPENAI_API_KEY.');
    log.info({ model: env.SOLACE_AI_MODEL ?? DEFAULT_OPENAI_MODEL }, 'note assistance through the OpenAI chat completions API');
    return new OpenAiNoteAssistProvider({ apiKey: env.OPENAI_API_KEY, baseUrl: env.OPENAI_BASE_URL ?? OPENAI_BASE_URL, model: env.SOLACE_AI_MODEL ?? DEFAULT_OPENAI_MODEL });
  }
  throw new Error(`Unknown SOLACE_AI_PROVIDER "${kind}". Available: demo, openai.`);
}
