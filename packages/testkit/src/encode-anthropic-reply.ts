import { splitWords } from './mock-reply-text.js';
import type { AnthropicReplyPlan } from './plan-anthropic-reply.js';

export interface AnthropicReplyMeta {
  id: string;
  model: string;
}

// Tool input streams in small pieces, as the real API sends it token by token.
const inputPieceLength = 8;

function contentOf(plan: AnthropicReplyPlan): Array<Record<string, unknown>> {
  const content: Array<Record<string, unknown>> = [];
  if (plan.redactedThinking !== undefined) content.push({ type: 'redacted_thinking', data: plan.redactedThinking });
  if (plan.thinking) content.push({ type: 'thinking', thinking: plan.thinking.text, signature: plan.thinking.signature });
  if (plan.toolCalls.length === 0) content.push({ type: 'text', text: plan.pieces.join('') });
  for (const call of plan.toolCalls) content.push({ type: 'tool_use', id: call.id, name: call.name, input: call.input });
  return content;
}

/** The non-streamed Message, in the key order the API sends. */
export function encodeAnthropicMessage(plan: AnthropicReplyPlan, meta: AnthropicReplyMeta): object {
  return {
    id: meta.id,
    type: 'message',
    role: 'assistant',
    model: meta.model,
    content: contentOf(plan),
    stop_reason: plan.stopReason,
    stop_sequence: plan.stopSequence,
    usage: plan.usage,
  };
}

function frame(data: Record<string, unknown>): string {
  return `event: ${String(data.type)}\ndata: ${JSON.stringify(data)}\n\n`;
}

/**
 * The SSE events of a streamed answer, each a complete `event: …\ndata: …\n\n` frame, in the
 * API's order: message_start (input usage, output_tokens 1), then per block content_block_start,
 * its deltas and content_block_stop — a ping right after the first block starts, thinking as
 * thinking_delta pieces then one signature_delta, redacted thinking whole at its start, tool
 * input as an empty input_json_delta then 8-character pieces — then message_delta (stop reason,
 * cumulative usage) and message_stop.
 */
export function encodeAnthropicStream(plan: AnthropicReplyPlan, meta: AnthropicReplyMeta): string[] {
  const { output_tokens: outputTokens, ...inputUsage } = plan.usage;
  const events: string[] = [
    frame({
      type: 'message_start',
      message: {
        id: meta.id,
        type: 'message',
        role: 'assistant',
        model: meta.model,
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: { ...inputUsage, output_tokens: 1 },
      },
    }),
  ];
  let pinged = false;
  const start = (index: number, block: Record<string, unknown>) => {
    events.push(frame({ type: 'content_block_start', index, content_block: block }));
    if (!pinged) {
      pinged = true;
      events.push('event: ping\ndata: {"type": "ping"}\n\n');
    }
  };
  const delta = (index: number, value: Record<string, unknown>) => events.push(frame({ type: 'content_block_delta', index, delta: value }));
  const stop = (index: number) => events.push(frame({ type: 'content_block_stop', index }));

  let index = 0;
  if (plan.redactedThinking !== undefined) {
    start(index, { type: 'redacted_thinking', data: plan.redactedThinking });
    stop(index++);
  }
  if (plan.thinking) {
    start(index, { type: 'thinking', thinking: '', signature: '' });
    for (const piece of splitWords(plan.thinking.text)) delta(index, { type: 'thinking_delta', thinking: piece });
    delta(index, { type: 'signature_delta', signature: plan.thinking.signature });
    stop(index++);
  }
  if (plan.toolCalls.length === 0) {
    start(index, { type: 'text', text: '' });
    for (const piece of plan.pieces) delta(index, { type: 'text_delta', text: piece });
    stop(index++);
  }
  for (const call of plan.toolCalls) {
    start(index, { type: 'tool_use', id: call.id, name: call.name, input: {} });
    delta(index, { type: 'input_json_delta', partial_json: '' });
    const input = JSON.stringify(call.input);
    for (let offset = 0; offset < input.length; offset += inputPieceLength) {
      delta(index, { type: 'input_json_delta', partial_json: input.slice(offset, offset + inputPieceLength) });
    }
    stop(index++);
  }
  events.push(
    frame({
      type: 'message_delta',
      delta: { stop_reason: plan.stopReason, stop_sequence: plan.stopSequence },
      usage: {
        input_tokens: inputUsage.input_tokens,
        cache_creation_input_tokens: inputUsage.cache_creation_input_tokens,
        cache_read_input_tokens: inputUsage.cache_read_input_tokens,
        output_tokens: outputTokens,
      },
    }),
  );
  events.push(frame({ type: 'message_stop' }));
  return events;
}
