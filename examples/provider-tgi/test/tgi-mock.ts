import type { ServerResponse } from 'node:http';
import { type ConformanceScenario, type ConformanceUpstream, type MockServer, type ReceivedRequest, startMockServer } from '@switchyard/testkit';

/**
 * A loopback TGI speaking the native API: `POST /generate` (JSON, token counts in
 * `x-prompt-tokens` / `x-generated-tokens` headers and `details`) and `POST /generate_stream`
 * (SSE, one event per token, the last with `generated_text` and `details`, then EOS as a
 * special token). Tokens are whitespace-separated words. Without a programmed scenario it
 * answers `echo: <last user turn of the ChatML prompt>`, cut at `max_new_tokens`; errors are
 * TGI's `{ error, error_type }`.
 */
export interface TgiMock extends ConformanceUpstream {
  server: MockServer;
  baseURL: string;
}

type Answer = { text: string; finish: 'eos_token' | 'length' } | { status: number } | { hang: true };

export async function startTgiMock(): Promise<TgiMock> {
  const scripted: ConformanceScenario[] = [];
  const server = await startMockServer(
    async (request, response, context) => {
      const route = request.path.split('?')[0];
      if (request.method !== 'POST' || (route !== '/generate' && route !== '/generate_stream')) {
        return sendJson(response, 404, { error: `Route ${request.method} ${route} not found`, error_type: 'not_found' });
      }
      const problem = validate(request);
      if (problem) return sendJson(response, 422, { error: problem, error_type: 'validation' });
      const answer = planAnswer(request, scripted.shift());
      const stream = route === '/generate_stream';
      if ('status' in answer) return sendJson(response, answer.status, { error: `mock TGI error ${answer.status}`, error_type: answer.status === 429 ? 'overloaded' : answer.status === 422 ? 'validation' : 'generation' });
      if ('hang' in answer) {
        if (stream) {
          response.writeHead(200, { 'content-type': 'text/event-stream' });
          response.flushHeaders();
        }
        return new Promise<void>((resolve) => context.signal.addEventListener('abort', () => resolve()));
      }
      const promptTokens = words(request.json.inputs).length;
      const tokens = answer.text.match(/\s*\S+/g) ?? [];
      if (!stream) {
        return sendJson(
          response,
          200,
          { generated_text: answer.text, details: { finish_reason: answer.finish, generated_tokens: tokens.length, seed: null, prefill: [], tokens: [] } },
          { 'x-prompt-tokens': String(promptTokens), 'x-generated-tokens': String(tokens.length) },
        );
      }
      response.writeHead(200, { 'content-type': 'text/event-stream', 'x-accel-buffering': 'no' });
      const events = tokens.map((text, index) => ({ index: index + 1, token: { id: 1000 + index, text, logprob: -0.5, special: false }, generated_text: null, details: null }));
      const details = { finish_reason: answer.finish, generated_tokens: tokens.length, input_length: promptTokens, seed: null };
      // The last event: EOS (a special token) when the model stopped, else the last word.
      if (answer.finish === 'eos_token') events.push({ index: tokens.length + 1, token: { id: 2, text: '</s>', logprob: 0, special: true }, generated_text: null, details: null });
      const last = events.at(-1)!;
      Object.assign(last, { generated_text: answer.text, details });
      for (const event of events) response.write(`data:${JSON.stringify(event)}\n\n`);
      response.end();
    },
    { faultBody: (status) => ({ error: `mock fault: HTTP ${status}`, error_type: 'generation' }) },
  );
  return {
    server,
    url: server.url,
    baseURL: server.url,
    settings: { baseURL: server.url, apiKey: 'hf_conformance' },
    model: 'tgi',
    received: server.received,
    program: (scenario) => scripted.push(scenario),
    close: () => server.close(),
  };
}

function planAnswer(request: ReceivedRequest, scenario: ConformanceScenario | undefined): Answer {
  if (scenario?.kind === 'error') return { status: scenario.status };
  if (scenario?.kind === 'hang') return { hang: true };
  if (scenario?.kind === 'text') {
    // The scenario's answer only if the request asked for it: the prompt carried and the limit sent as max_new_tokens.
    if (!String(request.json.inputs).includes(scenario.prompt)) return { status: 422 };
    if (scenario.maxTokens !== undefined && request.json.parameters?.max_new_tokens !== scenario.maxTokens) return { status: 422 };
    return { text: scenario.reply, finish: scenario.finishReason === 'length' ? 'length' : 'eos_token' };
  }
  // Unprogrammed (or a scenario this server cannot play): echo the last user turn.
  const turns = [...String(request.json.inputs).matchAll(/<\|im_start\|>user\n([\s\S]*?)<\|im_end\|>/g)];
  const reply = words(`echo: ${turns.at(-1)?.[1] ?? ''}`);
  const limit = request.json.parameters?.max_new_tokens;
  if (typeof limit === 'number' && reply.length > limit) return { text: reply.slice(0, limit).join(' '), finish: 'length' };
  return { text: reply.join(' '), finish: 'eos_token' };
}

/** What TGI's router refuses with 422 before generating. */
function validate(request: ReceivedRequest): string | undefined {
  const body = request.json;
  if (typeof body?.inputs !== 'string' || body.inputs === '') return 'Input validation error: `inputs` cannot be empty';
  if (!body.inputs.endsWith('<|im_start|>assistant\n')) return 'mock TGI: the prompt does not end with an open ChatML assistant turn';
  const parameters = body.parameters ?? {};
  if (parameters.max_new_tokens !== undefined && !(Number.isInteger(parameters.max_new_tokens) && parameters.max_new_tokens > 0)) {
    return 'Input validation error: `max_new_tokens` must be strictly positive';
  }
  if ('stream' in body) return 'mock TGI: `stream` is chosen by the route, not the body';
  return undefined;
}

function words(text: string): string[] {
  return text.match(/\S+/g) ?? [];
}

function sendJson(response: ServerResponse, status: number, body: object, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  response.end(text);
}
