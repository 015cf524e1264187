// For tests: msw handlers that answer like OpenAI's chat completions API — a bearer key, a
// completion whose message content is the JSON text a test chose, and OpenAI's error shapes
// ({ error: { message, type, param, code } }, retry-after on 429) — recording every request body.
import { http, HttpResponse } from 'msw';
import { OPENAI_BASE_URL } from './note-assist-provider';

export const FAKE_OPENAI_KEY = 'sk-test-solace-fake';

type Failure = { status: 401 | 429 | 500 | 503 } | { malformed: true };

export function openAiFake(baseUrl = OPENAI_BASE_URL) {
  const state = {
    requests: [] as Array<{ model: string; messages: Array<{ role: string; content: string }>; response_format?: { type: string } }>,
    /** The JSON object the next completions answer with (as the message content). */
    answers: [] as unknown[],
    failures: [] as Failure[],
  };
  const error = (status: number, message: string, type: string, code: string | null, headers?: Record<string, string>) => HttpResponse.json({ error: { message, type, param: null, code } }, { status, headers });

  const handlers = [
    http.post(`${baseUrl}/v1/chat/completions`, async ({ request }) => {
      if (request.headers.get('authorization') !== `Bearer ${FAKE_OPENAI_KEY}`) return error(401, 'Incorrect API key provided: sk-***. You can find your API key at https://platform.openai.com/account/api-keys.', 'invalid_request_error', 'invalid_api_key');
      const body = (await request.json()) as (typeof state.requests)[number];
      state.requests.push(body);
      if (!body.model || !Array.isArray(body.messages) || body.messages.length === 0) return error(400, "'messages' is a required property", 'invalid_request_error', null);
      const failure = state.failures.shift();
      if (failure && 'status' in failure) {
        if (failure.status === 429) return error(429, 'Rate limit reached for gpt-4o-mini on requests per min (RPM): Limit 3, Used 3, Requested 1. Please try again in 20s.', 'requests', 'rate_limit_exceeded', { 'retry-after': '20', 'x-ratelimit-remaining-requests': '0' });
        if (failure.status === 401) return error(401, 'Incorrect API key provided.', 'invalid_request_error', 'invalid_api_key');
        return error(failure.status, 'The server had an error while processing your request. Sorry about that!', 'server_error', null);
      }
      const answer = state.answers.shift() ?? {};
      // A model asked for JSON can still return text that is not JSON (cut off, or chatty).
      const content = failure && 'malformed' in failure ? 'Sure! Here is the note: {"fields": {"subjective": "Client rep' : JSON.stringify(answer);
      return HttpResponse.json({
        id: `chatcmpl-${state.requests.length}`,
        object: 'chat.completion',
        created: Math.floor(Date.now() / 1000),
        model: body.model,
        choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, logprobs: null, finish_reason: 'stop' }],
        usage: { prompt_tokens: 100, completion_tokens: 50, total_tokens: 150 },
      });
    }),
  ];
  return { handlers, state };
}
