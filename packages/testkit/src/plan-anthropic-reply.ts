import { asksForToolCalls, contentText, countWords, echoText, lastUserMessage, splitWords } from './mock-reply-text.js';

/**
 * What the Anthropic mock answers, decided from the request alone so every test can predict it:
 *
 * - Text: `echo: <text of the last user turn>` (its text blocks joined with a space). When that
 *   turn carries tool_result blocks, their text is echoed instead: `echo: <result texts>`.
 * - Tools: when custom `tools` are offered and the last user text contains "call tools" (any
 *   case), one tool_use block per tool, in order, ids `toolu_mock_<index>`, input an object
 *   mapping each required property to its own name (`{}` when none); stop_reason `tool_use`.
 *   `tool_choice: {type:'none'}` keeps the text reply; `disable_parallel_tool_use` or a named
 *   tool choice calls one tool.
 * - Thinking: with `thinking.type` `enabled` (or `adaptive`), a thinking block comes first:
 *   `Thinking about: <echoed text>`, signed with `mockThinkingSignature(thinking)`. A last user
 *   text containing `ANTHROPIC_MAGIC_STRING_TRIGGER_REDACTED_THINKING` (the real API's test
 *   trigger) gets a redacted_thinking block instead.
 * - Structured outputs: with `output_config.format` (or the beta `output_format`) the reply is
 *   a JSON instance of the schema: each property its own name (strings), 0, false, [] or {}.
 * - Length: a reply longer than `max_tokens` words is cut to that many, stop_reason
 *   `max_tokens`. A stop sequence found in the reply cuts it before the sequence, stop_reason
 *   `stop_sequence`.
 * - Usage: input tokens = words of every text in system, tools' descriptions excluded, and
 *   messages (tool results included); output tokens = words of the reply text, thinking, and
 *   each call's name and input. Prompt caching is simulated: the prompt up to the last
 *   `cache_control` breakpoint (or all of it with a top-level `cache_control`) is written on
 *   first sight and read afterwards (see `createPromptCache`).
 */
export interface AnthropicReplyPlan {
  thinking?: { text: string; signature: string };
  redactedThinking?: string;
  /** Reply text split for streaming: each piece is one word with its leading whitespace. */
  pieces: string[];
  toolCalls: Array<{ id: string; name: string; input: Record<string, string> }>;
  stopReason: 'end_turn' | 'max_tokens' | 'stop_sequence' | 'tool_use';
  stopSequence: string | null;
  usage: AnthropicMockUsage;
}

export interface AnthropicMockUsage {
  input_tokens: number;
  cache_creation_input_tokens: number;
  cache_read_input_tokens: number;
  cache_creation: { ephemeral_5m_input_tokens: number; ephemeral_1h_input_tokens: number };
  output_tokens: number;
  service_tier: 'standard';
}

/** The real API's trigger for a redacted_thinking block (documented for testing). */
export const redactedThinkingTrigger = 'ANTHROPIC_MAGIC_STRING_TRIGGER_REDACTED_THINKING';

/** The mock's signature of a thinking text; the mock refuses any other signature sent back. */
export function mockThinkingSignature(thinking: string): string {
  return Buffer.from(`mock-signature:${thinking}`, 'utf8').toString('base64');
}

export function mockRedactedThinkingData(seed: string): string {
  return Buffer.from(`mock-redacted:${seed}`, 'utf8').toString('base64');
}

/** Remembers prompt prefixes seen with a cache breakpoint, as Anthropic's prompt cache does. */
export interface PromptCache {
  /** Returns whether the prefix was already cached, caching it if not. */
  lookup(key: string): boolean;
  clear(): void;
}

export function createPromptCache(): PromptCache {
  const seen = new Set<string>();
  return {
    lookup(key) {
      if (seen.has(key)) return true;
      seen.add(key);
      return false;
    },
    clear: () => seen.clear(),
  };
}

export function planAnthropicReply(body: any, cache: PromptCache = createPromptCache()): AnthropicReplyPlan {
  const messages: any[] = Array.isArray(body?.messages) ? body.messages : [];
  const lastUser = lastUserMessage(messages);
  const toolResults = blocksOf(lastUser?.content).filter((block) => block?.type === 'tool_result');
  const userText = contentText(lastUser?.content);
  const echoed = toolResults.length > 0 ? toolResults.map((block) => contentText(block.content)).join(' ') : userText;

  const thinkingType = body?.thinking?.type;
  const thinks = thinkingType === 'enabled' || thinkingType === 'adaptive';
  let thinking: AnthropicReplyPlan['thinking'];
  let redactedThinking: string | undefined;
  if (thinks && userText.includes(redactedThinkingTrigger)) redactedThinking = mockRedactedThinkingData(echoed);
  else if (thinks) {
    const text = `Thinking about: ${echoed}`.trimEnd();
    thinking = { text, signature: mockThinkingSignature(text) };
  }

  const toolCalls = toolResults.length > 0 ? [] : planToolCalls(body, userText);
  const thinkingWords = thinking ? countWords(thinking.text) : 0;
  const usage = planUsage(body, messages, cache);

  if (toolCalls.length > 0) {
    usage.output_tokens = thinkingWords + toolCalls.reduce((sum, call) => sum + countWords(`${call.name} ${JSON.stringify(call.input)}`), 0);
    return { thinking, redactedThinking, pieces: [], toolCalls, stopReason: 'tool_use', stopSequence: null, usage };
  }

  // Structured outputs: an instance of the schema instead of the echo.
  const format = body?.output_config?.format ?? body?.output_format;
  let text = format?.type === 'json_schema' ? JSON.stringify(exampleForSchema(format.schema)) : echoText(echoed);
  let stopReason: AnthropicReplyPlan['stopReason'] = 'end_turn';
  let stopSequence: string | null = null;
  const stopSequences: unknown[] = Array.isArray(body?.stop_sequences) ? body.stop_sequences : [];
  for (const sequence of stopSequences) {
    if (typeof sequence !== 'string' || sequence === '') continue;
    const at = text.indexOf(sequence);
    if (at !== -1 && (stopSequence === null || at < text.indexOf(stopSequence))) {
      stopSequence = sequence;
    }
  }
  if (stopSequence !== null) {
    text = text.slice(0, text.indexOf(stopSequence));
    stopReason = 'stop_sequence';
  }
  let pieces = splitWords(text);
  const limit = body?.max_tokens;
  if (typeof limit === 'number' && limit >= 0 && pieces.length > limit) {
    pieces = pieces.slice(0, limit);
    stopReason = 'max_tokens';
    stopSequence = null;
  }
  usage.output_tokens = thinkingWords + pieces.length;
  return { thinking, redactedThinking, pieces, toolCalls: [], stopReason, stopSequence, usage };
}

function planToolCalls(body: any, userText: string): AnthropicReplyPlan['toolCalls'] {
  const tools: any[] = Array.isArray(body?.tools) ? body.tools.filter((tool: any) => tool?.type == null || tool.type === 'custom') : [];
  const choice = body?.tool_choice;
  if (tools.length === 0 || choice?.type === 'none' || !asksForToolCalls(userText)) return [];
  let chosen = tools;
  if (choice?.type === 'tool') chosen = tools.filter((tool) => tool.name === choice.name).slice(0, 1);
  else if (choice?.disable_parallel_tool_use === true) chosen = tools.slice(0, 1);
  return chosen.map((tool, index) => {
    const required: unknown[] = Array.isArray(tool.input_schema?.required) ? tool.input_schema.required : [];
    const input = Object.fromEntries(required.filter((name): name is string => typeof name === 'string').map((name) => [name, name]));
    return { id: `toolu_mock_${index}`, name: String(tool.name), input };
  });
}

/**
 * Input tokens, split as Anthropic reports them: the cached prefix (read or written) and the
 * rest. The prefix ends at the last block carrying cache_control, in the API's order
 * (tools, then system, then messages); a top-level cache_control caches the whole prompt.
 */
function planUsage(body: any, messages: any[], cache: PromptCache): AnthropicMockUsage {
  const segments: Array<{ words: number; key: unknown; ttl?: string; breakpoint: boolean }> = [];
  for (const tool of Array.isArray(body?.tools) ? body.tools : []) {
    segments.push({ words: 0, key: tool, ttl: tool?.cache_control?.ttl, breakpoint: tool?.cache_control != null });
  }
  for (const block of blocksOf(body?.system)) {
    segments.push({ words: countWords(blockText(block)), key: block, ttl: block?.cache_control?.ttl, breakpoint: block?.cache_control != null });
  }
  for (const message of messages) {
    for (const block of blocksOf(message?.content)) {
      segments.push({ words: countWords(blockText(block)), key: block, ttl: block?.cache_control?.ttl, breakpoint: block?.cache_control != null });
    }
  }
  const total = segments.reduce((sum, segment) => sum + segment.words, 0);
  let end = -1;
  let ttl: string | undefined;
  for (let index = segments.length - 1; index >= 0; index--) {
    if (segments[index]!.breakpoint) {
      end = index;
      ttl = segments[index]!.ttl;
      break;
    }
  }
  if (end === -1 && body?.cache_control != null && segments.length > 0) {
    end = segments.length - 1;
    ttl = body.cache_control.ttl;
  }
  const usage: AnthropicMockUsage = {
    input_tokens: total,
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: 0,
    cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 },
    output_tokens: 0,
    service_tier: 'standard',
  };
  if (end === -1) return usage;
  const prefix = segments.slice(0, end + 1);
  const prefixWords = prefix.reduce((sum, segment) => sum + segment.words, 0);
  const key = JSON.stringify([body?.model, prefix.map((segment) => stripCacheControl(segment.key))]);
  usage.input_tokens = total - prefixWords;
  if (cache.lookup(key)) usage.cache_read_input_tokens = prefixWords;
  else {
    usage.cache_creation_input_tokens = prefixWords;
    if (ttl === '1h') usage.cache_creation.ephemeral_1h_input_tokens = prefixWords;
    else usage.cache_creation.ephemeral_5m_input_tokens = prefixWords;
  }
  return usage;
}

/** A small JSON value the schema accepts: properties filled by type, strings with their own name. */
export function exampleForSchema(schema: any, name = 'value'): unknown {
  if (schema?.const !== undefined) return schema.const;
  if (Array.isArray(schema?.enum) && schema.enum.length > 0) return schema.enum[0];
  const variants = schema?.anyOf ?? schema?.oneOf;
  if (Array.isArray(variants) && variants.length > 0) return exampleForSchema(variants[0], name);
  const type = Array.isArray(schema?.type) ? schema.type[0] : schema?.type;
  switch (type) {
    case 'object':
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([key, property]) => [key, exampleForSchema(property, key)]));
    case 'array':
      return [];
    case 'string':
      return name;
    case 'number':
    case 'integer':
      return 0;
    case 'boolean':
      return false;
    default:
      return null;
  }
}

function stripCacheControl(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const { cache_control: _ignored, ...rest } = value as Record<string, unknown>;
  return rest;
}

function blocksOf(content: unknown): any[] {
  if (typeof content === 'string') return content === '' ? [] : [{ type: 'text', text: content }];
  return Array.isArray(content) ? content : [];
}

function blockText(block: any): string {
  if (block?.type === 'text' && typeof block.text === 'string') return block.text;
  if (block?.type === 'tool_result') return contentText(block.content);
  if (block?.type === 'thinking' && typeof block.thinking === 'string') return block.thinking;
  if (block?.type === 'tool_use') return `${block.name} ${JSON.stringify(block.input ?? {})}`;
  return '';
}
