import { type AssistantContentPart, type ChatResponse, GatewayError } from '@switchyard/core';
import { type OllamaChatResponse, type OllamaResponseToolCall, ollamaChatResponseSchema, ollamaErrorSchema } from './ollama-api.js';
import { ollamaCreated, ollamaResponseId, ollamaToolCallId } from './ollama-ids.js';
import { mapOllamaFinishReason } from './map-ollama-finish-reason.js';
import { mapOllamaUsage } from './map-ollama-usage.js';

/** The providerMetadata key under which Ollama extras travel (created_at, remote_model, logprobs …). */
export const ollamaMetadataKey = 'ollama';

// Read into canonical fields (or usage.raw); everything else is kept in providerMetadata.
const mappedKeys = new Set([
  'model',
  'message',
  'done',
  'done_reason',
  'prompt_eval_count',
  'eval_count',
  'total_duration',
  'load_duration',
  'prompt_eval_duration',
  'eval_duration',
]);

/**
 * A `stream: false` answer of `/api/chat` → the canonical response: `thinking` becomes a reasoning
 * part, `content` the text, each tool call a tool-call part with its arguments as JSON text and
 * a stable id (see ollama-ids.ts). https://github.com/ollama/ollama/blob/main/docs/api.md
 */
export function decodeOllamaResponse(body: unknown, requestedModel: string): ChatResponse {
  const error = ollamaErrorSchema.safeParse(body);
  if (error.success) throw new GatewayError('upstream', error.data.error, { provider: 'ollama', status: 502 });
  const parsed = ollamaChatResponseSchema.safeParse(body);
  if (!parsed.success) {
    throw new GatewayError('upstream', 'Ollama answered with a body that is not a chat response.', { provider: 'ollama', status: 502 });
  }
  const response = parsed.data;
  const model = response.model ?? requestedModel;
  const createdAt = response.created_at ?? '';
  const message = response.message ?? {};
  const toolCalls = message.tool_calls ?? [];

  const content: AssistantContentPart[] = [];
  if (message.thinking) content.push({ type: 'reasoning', text: message.thinking });
  // An answer that only calls tools has `content: ""`: no empty text part beside the calls.
  if (message.content || toolCalls.length === 0) content.push({ type: 'text', text: message.content ?? '' });
  toolCalls.forEach((call, index) => content.push(decodeOllamaToolCall(call, createdAt, model, index)));

  const decoded: ChatResponse = {
    id: ollamaResponseId(createdAt, model),
    model,
    content,
    finishReason: mapOllamaFinishReason(response.done_reason, toolCalls.length > 0),
    usage: mapOllamaUsage(response),
  };
  const created = ollamaCreated(response.created_at);
  if (created !== undefined) decoded.created = created;
  const metadata = ollamaResponseMetadata(response);
  if (metadata) decoded.providerMetadata = { [ollamaMetadataKey]: metadata };
  return decoded;
}

export function decodeOllamaToolCall(call: OllamaResponseToolCall, createdAt: string, model: string, index: number): Extract<AssistantContentPart, { type: 'tool-call' }> {
  const args = call.function.arguments;
  return {
    type: 'tool-call',
    id: call.id || ollamaToolCallId(createdAt, model, index),
    name: call.function.name,
    arguments: typeof args === 'string' ? args : JSON.stringify(args ?? {}),
  };
}

/** Unknown top-level fields of an answer or final chunk (created_at, remote_model, logprobs …), or undefined. */
export function ollamaResponseMetadata(response: OllamaChatResponse): Record<string, unknown> | undefined {
  let metadata: Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(response)) {
    if (mappedKeys.has(key) || value === undefined) continue;
    metadata ??= {};
    metadata[key] = value;
  }
  return metadata;
}
