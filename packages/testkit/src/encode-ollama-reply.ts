import type { OllamaReplyPlan } from './plan-ollama-reply.js';

export interface OllamaReplyMeta {
  model: string;
  /** Milliseconds since the epoch of the first chunk; each later chunk is 1 ms later. */
  startedAt: number;
  /** Ids for tool calls, as Ollama 0.12+ sends them; older servers send none. */
  toolCallIds?: string[];
}

type Json = Record<string, unknown>;

function createdAt(meta: OllamaReplyMeta, offset: number): string {
  return new Date(meta.startedAt + offset).toISOString();
}

function toolCallsOf(plan: OllamaReplyPlan, meta: OllamaReplyMeta): Json[] {
  return plan.toolCalls.map((call, index) => ({
    ...(meta.toolCallIds?.[index] !== undefined && { id: meta.toolCallIds[index] }),
    function: { ...(meta.toolCallIds && { index }), name: call.name, arguments: call.arguments },
  }));
}

function metrics(plan: OllamaReplyPlan): Json {
  return {
    total_duration: 123_456_789,
    load_duration: 1_234_567,
    prompt_eval_count: plan.promptEvalCount,
    prompt_eval_duration: 12_345_678,
    eval_count: plan.evalCount,
    eval_duration: 98_765_432,
  };
}

/** The `stream: false` answer of `/api/chat`: the whole message and the final statistics. */
export function encodeOllamaChatResponse(plan: OllamaReplyPlan, meta: OllamaReplyMeta): Json {
  const message: Json = { role: 'assistant', content: plan.pieces.join('') };
  if (plan.thinkingPieces.length > 0) message.thinking = plan.thinkingPieces.join('');
  if (plan.toolCalls.length > 0) message.tool_calls = toolCallsOf(plan, meta);
  return { model: meta.model, created_at: createdAt(meta, 0), message, done_reason: plan.doneReason, done: true, ...metrics(plan) };
}

/**
 * The NDJSON lines of a streamed `/api/chat` answer (each ends in `\n`): one chunk per thinking
 * word, one per text word, all tool calls whole in one chunk, then the `done: true` chunk with
 * empty content, `done_reason` and the statistics — Ollama's own order.
 */
export function encodeOllamaChatStream(plan: OllamaReplyPlan, meta: OllamaReplyMeta): string[] {
  const lines: string[] = [];
  const line = (message: Json, extra: Json = { done: false }) =>
    lines.push(`${JSON.stringify({ model: meta.model, created_at: createdAt(meta, lines.length), message: { role: 'assistant', ...message }, ...extra })}\n`);
  for (const piece of plan.thinkingPieces) line({ content: '', thinking: piece });
  for (const piece of plan.pieces) line({ content: piece });
  if (plan.toolCalls.length > 0) line({ content: '', tool_calls: toolCallsOf(plan, meta) });
  line({ content: '' }, { done_reason: plan.doneReason, done: true, ...metrics(plan) });
  return lines;
}
