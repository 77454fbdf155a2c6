import type { ServerResponse } from 'node:http';
import { type MockServer, type ReceivedRequest, startMockServer } from '@switchyard/testkit';

/**
 * An OpenAI Responses upstream (`POST /v1/responses`) for the format matrix: the testkit's
 * OpenAI mock speaks Chat Completions only, and a Responses client is passed through to OpenAI's
 * own /v1/responses byte for byte, so that cell needs a server speaking Responses. It follows the
 * testkit mocks' rules, so one set of expectations holds for every upstream:
 *
 * - Text: `echo: <text of the last user message>`, or of the trailing function_call_output items
 *   (joined with a space) when the input ends with tool results.
 * - Tools: function tools offered and the last input item a user message containing "call tools":
 *   one function_call per tool, call ids `call_<index>`, arguments each required property mapped
 *   to its own name.
 * - Reasoning: with `reasoning.effort` (not `none`) a reasoning item comes first, summary
 *   `Thinking about: <echoed text>`, with an opaque `encrypted_content` this server issued; a
 *   reasoning item sent back with any other encrypted_content is refused, as OpenAI refuses one
 *   it cannot decrypt.
 * - Usage: input tokens = words of the instructions and of every input text (tool outputs
 *   included); output tokens = words of the reply (or of each call's name and arguments) plus
 *   the reasoning words, which are also reported as reasoning_tokens.
 *
 * Streams are the full Responses event sequence with sequence numbers, as OpenAI sends them.
 */
export interface ResponsesUpstream extends MockServer {
  /** encrypted_content values handed out, in order. */
  issuedEncryptedContent: string[];
}

export interface ResponsesPlan {
  reasoning?: { text: string; encryptedContent: string };
  text?: string;
  calls: Array<{ callId: string; name: string; arguments: string }>;
  inputTokens: number;
  outputTokens: number;
  reasoningTokens: number;
}

const words = (text: string): string[] => text.match(/\s*\S+/g) ?? [];
const countWords = (text: string): number => text.match(/\S+/g)?.length ?? 0;

function itemsOf(body: any): any[] {
  if (typeof body?.input === 'string') return [{ type: 'message', role: 'user', content: body.input }];
  return Array.isArray(body?.input) ? body.input.map((item: any) => ({ type: 'message', ...item })) : [];
}

function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .filter((part: any) => (part?.type === 'input_text' || part?.type === 'output_text') && typeof part.text === 'string')
    .map((part: any) => part.text)
    .join(' ');
}

/** What the upstream answers to a Responses body (also used by tests to predict usage). */
export function planResponsesReply(body: any, issue: () => string = () => 'gAAAAB-unissued'): ResponsesPlan {
  const items = itemsOf(body);
  let inputTokens = countWords(typeof body?.instructions === 'string' ? body.instructions : '');
  let lastUserText = '';
  for (const item of items) {
    if (item.type === 'message') {
      const text = contentText(item.content);
      inputTokens += countWords(text);
      if (item.role === 'user') lastUserText = text;
    } else if (item.type === 'function_call_output') {
      inputTokens += countWords(typeof item.output === 'string' ? item.output : contentText(item.output));
    }
  }
  const outputs: string[] = [];
  for (let index = items.length - 1; index >= 0 && items[index].type === 'function_call_output'; index--) {
    outputs.unshift(typeof items[index].output === 'string' ? items[index].output : contentText(items[index].output));
  }
  const echoed = outputs.length > 0 ? outputs.join(' ') : lastUserText;

  const effort = body?.reasoning?.effort;
  const reasoning = effort != null && effort !== 'none' ? { text: `Thinking about: ${echoed}`.trimEnd(), encryptedContent: issue() } : undefined;
  const reasoningTokens = reasoning ? countWords(reasoning.text) : 0;

  const tools: any[] = Array.isArray(body?.tools) ? body.tools.filter((tool: any) => tool?.type === 'function') : [];
  const last = items[items.length - 1];
  const callsTools = tools.length > 0 && body?.tool_choice !== 'none' && last?.type === 'message' && last.role === 'user' && /call tools/i.test(contentText(last.content));
  if (callsTools) {
    const calls = tools.map((tool, index) => {
      const required: unknown[] = Array.isArray(tool.parameters?.required) ? tool.parameters.required : [];
      const args = Object.fromEntries(required.filter((name): name is string => typeof name === 'string').map((name) => [name, name]));
      return { callId: `call_${index}`, name: String(tool.name), arguments: JSON.stringify(args) };
    });
    const callTokens = calls.reduce((sum, call) => sum + countWords(`${call.name} ${call.arguments}`), 0);
    return { reasoning, calls, inputTokens, outputTokens: callTokens + reasoningTokens, reasoningTokens };
  }
  const text = `echo: ${echoed}`.trimEnd();
  return { reasoning, text, calls: [], inputTokens, outputTokens: countWords(text) + reasoningTokens, reasoningTokens };
}

export async function startResponsesUpstream(options: { apiKey: string }): Promise<ResponsesUpstream> {
  let sequence = 0;
  const issuedEncryptedContent: string[] = [];
  const sendJson = (response: ServerResponse, status: number, body: unknown) => {
    const text = JSON.stringify(body);
    response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), 'x-request-id': `req_mock_${sequence}` });
    response.end(text);
  };
  const error = (message: string, code: string | null, param: string | null = null) => ({ error: { message, type: 'invalid_request_error', param, code } });

  const server = await startMockServer((request: ReceivedRequest, response) => {
    sequence++;
    if (request.headers.authorization !== `Bearer ${options.apiKey}`) {
      return sendJson(response, 401, error('Incorrect API key provided.', 'invalid_api_key'));
    }
    if (request.method !== 'POST' || request.path.split('?')[0] !== '/v1/responses') {
      return sendJson(response, 404, error(`Invalid URL (${request.method} ${request.path})`, null));
    }
    const body = request.json;
    if (typeof body?.model !== 'string') return sendJson(response, 400, error('Missing required parameter: model.', 'missing_required_parameter', 'model'));
    const forged = itemsOf(body).findIndex((item) => item.type === 'reasoning' && !issuedEncryptedContent.includes(item.encrypted_content));
    if (forged !== -1) {
      return sendJson(response, 400, error('The encrypted content for item could not be verified.', 'invalid_encrypted_content', `input[${forged}].encrypted_content`));
    }

    const id = `resp_mock${String(sequence).padStart(6, '0')}`;
    const plan = planResponsesReply(body, () => {
      const value = `gAAAAB${Buffer.from(`mock-encrypted:${id}`).toString('base64url')}`;
      issuedEncryptedContent.push(value);
      return value;
    });
    const output = outputItems(plan, id);
    const whole = responseObject(body, id, 'completed', output, usageOf(plan));
    if (body.stream !== true) return sendJson(response, 200, whole);

    response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'x-request-id': `req_mock_${sequence}` });
    response.end(streamEvents(body, id, output, whole).join(''));
  });
  return Object.assign(server, { issuedEncryptedContent });
}

function usageOf(plan: ResponsesPlan) {
  return {
    input_tokens: plan.inputTokens,
    input_tokens_details: { cached_tokens: 0 },
    output_tokens: plan.outputTokens,
    output_tokens_details: { reasoning_tokens: plan.reasoningTokens },
    total_tokens: plan.inputTokens + plan.outputTokens,
  };
}

function outputItems(plan: ResponsesPlan, id: string): any[] {
  const base = id.slice('resp_'.length);
  const output: any[] = [];
  if (plan.reasoning) {
    output.push({ id: `rs_${base}`, type: 'reasoning', summary: [{ type: 'summary_text', text: plan.reasoning.text }], encrypted_content: plan.reasoning.encryptedContent });
  }
  if (plan.text !== undefined) {
    output.push({ id: `msg_${base}`, type: 'message', status: 'completed', content: [{ type: 'output_text', annotations: [], logprobs: [], text: plan.text }], role: 'assistant' });
  }
  plan.calls.forEach((call, index) => {
    output.push({ id: `fc_${base}_${index}`, type: 'function_call', status: 'completed', arguments: call.arguments, call_id: call.callId, name: call.name });
  });
  return output;
}

function responseObject(body: any, id: string, status: string, output: any[], usage: unknown): Record<string, unknown> {
  return {
    id,
    object: 'response',
    created_at: 1_760_000_000,
    status,
    background: false,
    error: null,
    incomplete_details: null,
    instructions: body.instructions ?? null,
    max_output_tokens: body.max_output_tokens ?? null,
    model: body.model,
    output,
    parallel_tool_calls: body.parallel_tool_calls ?? true,
    previous_response_id: null,
    reasoning: { effort: body.reasoning?.effort ?? null, summary: body.reasoning?.summary ?? null },
    store: body.store ?? true,
    temperature: body.temperature ?? 1,
    text: { format: { type: 'text' } },
    tool_choice: body.tool_choice ?? 'auto',
    tools: body.tools ?? [],
    top_p: body.top_p ?? 1,
    truncation: 'disabled',
    usage,
    metadata: {},
  };
}

function streamEvents(body: any, id: string, output: any[], whole: Record<string, unknown>): string[] {
  let sequence = 0;
  const events: string[] = [];
  const send = (type: string, payload: Record<string, unknown>) =>
    events.push(`event: ${type}\ndata: ${JSON.stringify({ type, sequence_number: sequence++, ...payload })}\n\n`);
  const started = responseObject(body, id, 'in_progress', [], null);
  send('response.created', { response: started });
  send('response.in_progress', { response: started });
  output.forEach((item, outputIndex) => {
    const at = { item_id: item.id, output_index: outputIndex };
    if (item.type === 'message') {
      send('response.output_item.added', { output_index: outputIndex, item: { ...item, status: 'in_progress', content: [] } });
      const text: string = item.content[0].text;
      send('response.content_part.added', { ...at, content_index: 0, part: { type: 'output_text', annotations: [], logprobs: [], text: '' } });
      for (const piece of words(text)) send('response.output_text.delta', { ...at, content_index: 0, delta: piece, logprobs: [] });
      send('response.output_text.done', { ...at, content_index: 0, text, logprobs: [] });
      send('response.content_part.done', { ...at, content_index: 0, part: item.content[0] });
    } else if (item.type === 'reasoning') {
      send('response.output_item.added', { output_index: outputIndex, item: { id: item.id, type: 'reasoning', summary: [] } });
      const text: string = item.summary[0].text;
      send('response.reasoning_summary_part.added', { ...at, summary_index: 0, part: { type: 'summary_text', text: '' } });
      for (const piece of words(text)) send('response.reasoning_summary_text.delta', { ...at, summary_index: 0, delta: piece });
      send('response.reasoning_summary_text.done', { ...at, summary_index: 0, text });
      send('response.reasoning_summary_part.done', { ...at, summary_index: 0, part: item.summary[0] });
    } else {
      send('response.output_item.added', { output_index: outputIndex, item: { ...item, status: 'in_progress', arguments: '' } });
      const args: string = item.arguments;
      for (let offset = 0; offset < args.length; offset += 8) send('response.function_call_arguments.delta', { ...at, delta: args.slice(offset, offset + 8) });
      send('response.function_call_arguments.done', { ...at, arguments: args, name: item.name });
    }
    send('response.output_item.done', { output_index: outputIndex, item });
  });
  send('response.completed', { response: whole });
  return events;
}
