// Note assistance through an OpenAI-compatible chat completions API:
//   POST {base}/v1/chat/completions (Authorization: Bearer <key>)
//        { model, messages: [system, user], response_format: { type: 'json_object' }, temperature }
//   → 200 { choices: [{ message: { content: '<JSON text>' }, finish_reason }] }
// Errors come as { error: { message, type, code } }: 401 (bad key), 429 (rate or quota; Retry-After
// in seconds, or retry-after-ms), 5xx (outage). Any server speaking this shape works (OPENAI_BASE_URL).
import { DIAGNOSIS_SYSTEM_PROMPT, DRAFT_SYSTEM_PROMPT, diagnosisUserMessage, draftUserMessage } from './assist-prompts';
import { NoteAssistError, type DiagnosisProposal, type DiagnosisRequest, type DraftProposal, type DraftRequest, type NoteAssistProvider } from './note-assist-provider';

export interface OpenAiConfig {
  apiKey: string;
  baseUrl: string;
  model: string;
}

interface ChatCompletion {
  choices?: Array<{ message?: { content?: string | null; refusal?: string | null }; finish_reason?: string }>;
}

const TIMEOUT_MS = 60_000;

export class OpenAiNoteAssistProvider implements NoteAssistProvider {
  readonly name = 'openai';
  readonly notice = null;

  constructor(private readonly config: OpenAiConfig) {}

  get model(): string {
    return this.config.model;
  }

  async draftNote(request: DraftRequest): Promise<DraftProposal> {
    const answer = await this.complete(DRAFT_SYSTEM_PROMPT, draftUserMessage(request));
    const fields = (answer as { fields?: unknown }).fields;
    if (!fields || typeof fields !== 'object' || Array.isArray(fields)) throw badResponse('The answer has no "fields" object.');
    const texts: Record<string, string> = {};
    for (const [id, value] of Object.entries(fields as Record<string, unknown>)) if (typeof value === 'string' && value.trim() !== '') texts[id] = value.trim();
    return { fields: texts };
  }

  async suggestDiagnoses(request: DiagnosisRequest): Promise<DiagnosisProposal> {
    const answer = await this.complete(DIAGNOSIS_SYSTEM_PROMPT, diagnosisUserMessage(request));
    const codes = (answer as { codes?: unknown }).codes;
    if (!Array.isArray(codes)) throw badResponse('The answer has no "codes" list.');
    return {
      codes: codes.flatMap((item: unknown) => {
        const { code, rationale } = (item ?? {}) as { code?: unknown; rationale?: unknown };
        return typeof code === 'string' ? [{ code: code.trim().toUpperCase(), rationale: typeof rationale === 'string' ? rationale.trim() : '' }] : [];
      }),
    };
  }

  /** One chat completion whose message content is a JSON object. */
  private async complete(system: string, user: string): Promise<unknown> {
    const response = await this.post({
      model: this.config.model,
      messages: [
        { role: 'system', content: system },
        { role: 'user', content: user },
      ],
      response_format: { type: 'json_object' },
      temperature: 0.2,
    });
    if (!response.ok) throw await toError(response);
    const completion = (await response.json().catch(() => null)) as ChatCompletion | null;
    const choice = completion?.choices?.[0];
    if (choice?.message?.refusal) throw new NoteAssistError('REJECTED', false, `The model declined: ${choice.message.refusal}`);
    const content = choice?.message?.content;
    if (typeof content !== 'string') throw badResponse('The answer has no message content.');
    if (choice?.finish_reason === 'length') throw badResponse('The answer was cut off (length).');
    try {
      const parsed: unknown = JSON.parse(content);
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
      return parsed;
    } catch {
      throw badResponse('The answer is not a JSON object.');
    }
  }

  private async post(body: unknown): Promise<Response> {
    try {
      return await fetch(`${this.config.baseUrl.replace(/\/$/, '')}/v1/chat/completions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${this.config.apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (cause) {
      throw Object.assign(new NoteAssistError('PROVIDER_UNAVAILABLE', true, 'The AI service could not be reached.'), { cause });
    }
  }
}

const badResponse = (why: string) => new NoteAssistError('BAD_RESPONSE', true, `The AI service answered in an unexpected shape: ${why}`);

/** Seconds to wait: Retry-After (seconds), else retry-after-ms rounded up. */
function retryAfterSeconds(headers: Headers): number | undefined {
  const seconds = Number(headers.get('retry-after'));
  if (Number.isFinite(seconds) && seconds > 0) return Math.ceil(seconds);
  const ms = Number(headers.get('retry-after-ms'));
  return Number.isFinite(ms) && ms > 0 ? Math.ceil(ms / 1000) : undefined;
}

async function toError(response: Response): Promise<NoteAssistError> {
  const body = (await response.json().catch(() => ({}))) as { error?: { message?: string; type?: string; code?: string | null } };
  const message = `AI service ${response.status} (${body.error?.code ?? body.error?.type ?? 'no code'}): ${body.error?.message ?? 'no message'}`;
  if (response.status === 429) return new NoteAssistError('RATE_LIMITED', true, message, retryAfterSeconds(response.headers));
  if (response.status >= 500) return new NoteAssistError('PROVIDER_UNAVAILABLE', true, message, retryAfterSeconds(response.headers));
  if (response.status === 401 || response.status === 403) return new NoteAssistError('UNAUTHORIZED', false, message);
  return new NoteAssistError('REJECTED', false, message);
}
