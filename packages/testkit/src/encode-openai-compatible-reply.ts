import type { OpenAIReplyPlan } from './plan-openai-reply.js';

/** How a compatible server shapes its answers: the quirks the mock plays. */
export interface OpenAICompatibleReplyStyle {
  /**
   * Where reasoning text goes: `reasoning_content` (DeepSeek, xAI), `reasoning` (Groq parsed,
   * OpenRouter, vLLM) or `thinking-chunks` (Mistral magistral: content as an array of
   * `thinking` and `text` chunks).
   */
  reasoningField?: 'reasoning_content' | 'reasoning' | 'thinking-chunks';
  /** `final-chunk`: OpenAI's include_usage chunk; `finish-chunk`: on the finish chunk, always; `x_groq`: under `x_groq.usage` on the finish chunk. */
  usageInStream?: 'final-chunk' | 'finish-chunk' | 'x_groq';
  /** Mistral: every tool call whole in one chunk, no `index` and no `type`, together with the finish reason and usage. */
  toolCallsWithoutIndex?: boolean;
  /** xAI: `completion_tokens` leaves the reasoning tokens out; `total_tokens` counts them. */
  reasoningTokensOutsideCompletion?: boolean;
}

export interface OpenAICompatibleReplyMeta {
  id: string;
  created: number;
  model: string;
  /** The reasoning text, when the request asked the model to think. */
  reasoning?: string;
}

// Tool-call arguments stream in small pieces, as OpenAI-style servers send them token by token.
const argumentPieceLength = 8;

function words(text: string): string[] {
  return text.match(/\s*\S+/g) ?? [];
}

function usageOf(plan: OpenAIReplyPlan, meta: OpenAICompatibleReplyMeta, style: OpenAICompatibleReplyStyle) {
  const reasoningTokens = meta.reasoning === undefined ? 0 : words(meta.reasoning).length;
  const completion = style.reasoningTokensOutsideCompletion ? plan.completionTokens : plan.completionTokens + reasoningTokens;
  return {
    prompt_tokens: plan.promptTokens,
    completion_tokens: completion,
    total_tokens: plan.promptTokens + plan.completionTokens + reasoningTokens,
    ...(reasoningTokens > 0 && { completion_tokens_details: { reasoning_tokens: reasoningTokens } }),
  };
}

function toolCallsOf(plan: OpenAIReplyPlan, style: OpenAICompatibleReplyStyle) {
  return plan.toolCalls.map((call) => ({
    id: call.id,
    ...(!style.toolCallsWithoutIndex && { type: 'function' }),
    function: { name: call.name, arguments: call.arguments },
  }));
}

/** The non-streamed answer of a compatible server in the given style. */
export function encodeOpenAICompatibleCompletion(plan: OpenAIReplyPlan, meta: OpenAICompatibleReplyMeta, style: OpenAICompatibleReplyStyle): object {
  const text = plan.pieces.join('');
  const hasCalls = plan.toolCalls.length > 0;
  const message: Record<string, unknown> = { role: 'assistant' };
  if (meta.reasoning !== undefined && style.reasoningField === 'thinking-chunks') {
    message.content = [
      { type: 'thinking', thinking: [{ type: 'text', text: meta.reasoning }] },
      ...(hasCalls ? [] : [{ type: 'text', text }]),
    ];
  } else {
    message.content = hasCalls ? null : text;
    if (meta.reasoning !== undefined && style.reasoningField) message[style.reasoningField] = meta.reasoning;
  }
  message.tool_calls = hasCalls ? toolCallsOf(plan, style) : null;
  return {
    id: meta.id,
    object: 'chat.completion',
    created: meta.created,
    model: meta.model,
    choices: [{ index: 0, message, finish_reason: plan.finishReason }],
    usage: usageOf(plan, meta, style),
    ...(style.usageInStream === 'x_groq' && { x_groq: { id: `req_${meta.id}` } }),
  };
}

/** The SSE events of a streamed answer in the given style, each a complete frame, ending with `data: [DONE]`. */
export function encodeOpenAICompatibleStream(
  plan: OpenAIReplyPlan,
  meta: OpenAICompatibleReplyMeta,
  style: OpenAICompatibleReplyStyle,
  includeUsage: boolean,
): string[] {
  const frame = (choices: object[], extra: object = {}) =>
    `data: ${JSON.stringify({ id: meta.id, object: 'chat.completion.chunk', created: meta.created, model: meta.model, choices, ...extra })}\n\n`;
  const chunk = (delta: object, finishReason: string | null = null, extra: object = {}) =>
    frame([{ index: 0, delta, finish_reason: finishReason }], extra);
  const usage = usageOf(plan, meta, style);
  const chunkArrays = style.reasoningField === 'thinking-chunks';

  const events: string[] = [chunk({ role: 'assistant', content: plan.toolCalls.length > 0 ? null : '' })];
  if (meta.reasoning !== undefined && style.reasoningField) {
    for (const piece of words(meta.reasoning)) {
      events.push(
        chunk(chunkArrays ? { content: [{ type: 'thinking', thinking: [{ type: 'text', text: piece }] }] } : { content: null, [style.reasoningField]: piece }),
      );
    }
  }
  for (const piece of plan.pieces) {
    events.push(chunk({ content: chunkArrays && meta.reasoning !== undefined ? [{ type: 'text', text: piece }] : piece }));
  }

  const finishExtras: Record<string, unknown> = {};
  if (style.usageInStream === 'finish-chunk') finishExtras.usage = usage;
  if (style.usageInStream === 'x_groq') finishExtras.x_groq = { id: `req_${meta.id}`, usage };
  if (plan.toolCalls.length > 0 && style.toolCallsWithoutIndex) {
    // Mistral: the calls, whole, on the finish chunk.
    events.push(chunk({ content: null, tool_calls: toolCallsOf(plan, style) }, plan.finishReason, finishExtras));
  } else {
    plan.toolCalls.forEach((call, index) => {
      events.push(chunk({ tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.name, arguments: '' } }] }));
      for (let offset = 0; offset < call.arguments.length; offset += argumentPieceLength) {
        events.push(chunk({ tool_calls: [{ index, function: { arguments: call.arguments.slice(offset, offset + argumentPieceLength) } }] }));
      }
    });
    events.push(chunk(chunkArrays ? { content: '' } : {}, plan.finishReason, finishExtras));
  }
  if ((style.usageInStream ?? 'final-chunk') === 'final-chunk' && includeUsage) events.push(frame([], { usage }));
  events.push('data: [DONE]\n\n');
  return events;
}
