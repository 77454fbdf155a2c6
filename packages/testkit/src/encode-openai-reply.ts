import type { OpenAIReplyPlan } from './plan-openai-reply.js';

export interface OpenAIReplyMeta {
  id: string;
  created: number;
  model: string;
  systemFingerprint: string | null;
}

// Tool-call arguments stream in small pieces, as the real API sends them token by token.
const argumentPieceLength = 8;

function usageOf(plan: OpenAIReplyPlan) {
  return {
    prompt_tokens: plan.promptTokens,
    completion_tokens: plan.completionTokens,
    total_tokens: plan.promptTokens + plan.completionTokens,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
    completion_tokens_details: {
      reasoning_tokens: 0,
      audio_tokens: 0,
      accepted_prediction_tokens: 0,
      rejected_prediction_tokens: 0,
    },
  };
}

/** The non-streamed `chat.completion` object, in the key order the API sends. */
export function encodeOpenAICompletion(plan: OpenAIReplyPlan, meta: OpenAIReplyMeta): object {
  const hasCalls = plan.toolCalls.length > 0;
  const message: Record<string, unknown> = {
    role: 'assistant',
    content: hasCalls ? null : plan.pieces.join(''),
    refusal: null,
    annotations: [],
  };
  if (hasCalls) {
    message.tool_calls = plan.toolCalls.map((call) => ({
      id: call.id,
      type: 'function',
      function: { name: call.name, arguments: call.arguments },
    }));
  }
  return {
    id: meta.id,
    object: 'chat.completion',
    created: meta.created,
    model: meta.model,
    choices: [{ index: 0, message, logprobs: null, finish_reason: plan.finishReason }],
    usage: usageOf(plan),
    service_tier: 'default',
    system_fingerprint: meta.systemFingerprint,
  };
}

/**
 * The SSE events of a streamed answer, each a complete `data: ...\n\n` frame, ending with
 * `data: [DONE]`. With `includeUsage`, every chunk carries `usage: null` and a last chunk with
 * `choices: []` carries the usage — exactly the API's `stream_options.include_usage` shape.
 */
export function encodeOpenAIStream(plan: OpenAIReplyPlan, meta: OpenAIReplyMeta, includeUsage: boolean): string[] {
  // The prefix is shared by every chunk of one answer; only the choice differs.
  const prefix =
    `data: {"id":${JSON.stringify(meta.id)},"object":"chat.completion.chunk","created":${meta.created},` +
    `"model":${JSON.stringify(meta.model)},"service_tier":"default",` +
    `"system_fingerprint":${JSON.stringify(meta.systemFingerprint)},"choices":`;
  const suffix = includeUsage ? ',"usage":null}\n\n' : '}\n\n';
  const chunk = (delta: object, finishReason: string | null = null) =>
    `${prefix}[{"index":0,"delta":${JSON.stringify(delta)},"logprobs":null,"finish_reason":${JSON.stringify(finishReason)}}]${suffix}`;

  const events: string[] = [];
  if (plan.toolCalls.length > 0) {
    // Tool-call answers open with content null, as the API does.
    events.push(chunk({ role: 'assistant', content: null, refusal: null }));
    plan.toolCalls.forEach((call, index) => {
      events.push(
        chunk({ tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.name, arguments: '' } }] }),
      );
      for (let offset = 0; offset < call.arguments.length; offset += argumentPieceLength) {
        const piece = call.arguments.slice(offset, offset + argumentPieceLength);
        events.push(chunk({ tool_calls: [{ index, function: { arguments: piece } }] }));
      }
    });
  } else {
    events.push(chunk({ role: 'assistant', content: '', refusal: null }));
    for (const piece of plan.pieces) events.push(chunk({ content: piece }));
  }
  events.push(chunk({}, plan.finishReason));
  if (includeUsage) events.push(`${prefix}[],"usage":${JSON.stringify(usageOf(plan))}}\n\n`);
  events.push('data: [DONE]\n\n');
  return events;
}
