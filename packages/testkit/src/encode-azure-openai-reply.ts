import { encodeOpenAICompletion, encodeOpenAIStream, type OpenAIReplyMeta } from './encode-openai-reply.js';
import type { OpenAIReplyPlan } from './plan-openai-reply.js';

const safe = { filtered: false, severity: 'safe' };

/** Azure's verdicts on a prompt, all clear, as `prompt_filter_results` carries them. */
export function azurePromptFilterResults(): object[] {
  return [
    {
      prompt_index: 0,
      content_filter_results: {
        hate: safe,
        jailbreak: { filtered: false, detected: false },
        self_harm: safe,
        sexual: safe,
        violence: safe,
      },
    },
  ];
}

/** Azure's verdicts on a completion (or on one streamed piece of it), all clear. */
export function azureContentFilterResults(): Record<string, object> {
  return {
    hate: safe,
    protected_material_code: { filtered: false, detected: false },
    protected_material_text: { filtered: false, detected: false },
    self_harm: safe,
    sexual: safe,
    violence: safe,
  };
}

/** Extra usage an Azure reasoning deployment reports (Azure returns no reasoning text on Chat Completions). */
export interface AzureReplyExtras {
  reasoningTokens?: number;
}

/** The `chat.completion` object of an Azure deployment: OpenAI's, plus the filter annotations. */
export function encodeAzureOpenAICompletion(plan: OpenAIReplyPlan, meta: OpenAIReplyMeta, extras: AzureReplyExtras = {}): object {
  const completion = encodeOpenAICompletion(plan, meta) as Record<string, any>;
  completion.choices[0].content_filter_results = azureContentFilterResults();
  completion.prompt_filter_results = azurePromptFilterResults();
  addReasoningTokens(completion.usage, extras);
  return completion;
}

/**
 * The SSE frames of an Azure stream: first the chunk Azure sends before anything else — empty
 * id, model and object, no choices, only `prompt_filter_results` — then OpenAI's chunks, each
 * choice with `content_filter_results` (all-clear verdicts on content pieces, `{}` on the role
 * and finish chunks, as Azure sends), then `[DONE]`.
 */
export function encodeAzureOpenAIStream(plan: OpenAIReplyPlan, meta: OpenAIReplyMeta, includeUsage: boolean, extras: AzureReplyExtras = {}): string[] {
  const promptChunk = { choices: [], created: 0, id: '', model: '', object: '', prompt_filter_results: azurePromptFilterResults() };
  const frames = encodeOpenAIStream(plan, meta, includeUsage).map((frame) => {
    const data = frame.slice('data: '.length).trimEnd();
    if (data === '[DONE]') return frame;
    const chunk = JSON.parse(data) as Record<string, any>;
    for (const choice of chunk.choices ?? []) {
      const delta = choice.delta ?? {};
      choice.content_filter_results = delta.content || delta.tool_calls ? azureContentFilterResults() : {};
    }
    if (chunk.usage) addReasoningTokens(chunk.usage, extras);
    return `data: ${JSON.stringify(chunk)}\n\n`;
  });
  return [`data: ${JSON.stringify(promptChunk)}\n\n`, ...frames];
}

function addReasoningTokens(usage: Record<string, any> | undefined, extras: AzureReplyExtras): void {
  if (!usage || !extras.reasoningTokens) return;
  usage.completion_tokens += extras.reasoningTokens;
  usage.total_tokens += extras.reasoningTokens;
  usage.completion_tokens_details = { ...usage.completion_tokens_details, reasoning_tokens: extras.reasoningTokens };
}
