import { createHash } from 'node:crypto';
import { asksForToolCalls, countWords, echoText, lastUserMessage, splitWords } from './mock-reply-text.js';

/**
 * What the Bedrock mock answers to a Converse body, decided from the body alone:
 *
 * - Text: `echo: <text of the last user turn>` (its text blocks joined with a space); when that
 *   turn holds only tool results, `echo: <text of the last tool result>`.
 * - Tools: when `toolConfig` has tools and the last user text contains "call tools" (any case),
 *   one toolUse per tool, in order, ids `tooluse_mock<index>`; `toolChoice.tool` calls just that
 *   tool and `toolChoice.any` at least the first, whatever the text. A tool's input is a sample of
 *   its schema (strings are the property's name, numbers 0, booleans true, arrays empty).
 * - Reasoning: with `additionalModelRequestFields.thinking` (Claude) or `.reasoningConfig` (Nova),
 *   a reasoningContent block first, `thinking about: <text>`, signed with `mockReasoningSignature`;
 *   when the last user text contains "redact", a redactedContent block instead.
 * - Structured output: with `outputConfig.textFormat` the text is a sample of the JSON schema.
 * - Limits: a stop sequence found in the text cuts it (`stop_sequence`); `maxTokens` below the
 *   reply's word count cuts it to that many words (`max_tokens`).
 * - Usage: input tokens = words of every text in `system` and `messages`; the words before the first
 *   cachePoint are reported as cacheReadInputTokens instead of inputTokens. Output tokens = words
 *   of the reasoning and the text, or of each tool's name and input JSON.
 */
export interface BedrockReplyPlan {
  blocks: BedrockReplyBlock[];
  stopReason: 'end_turn' | 'tool_use' | 'max_tokens' | 'stop_sequence';
  usage: { inputTokens: number; outputTokens: number; totalTokens: number; cacheReadInputTokens?: number; cacheWriteInputTokens?: number };
}

export type BedrockReplyBlock =
  | { type: 'reasoning'; text: string; signature: string }
  | { type: 'redacted-reasoning'; data: string }
  | { type: 'text'; text: string }
  | { type: 'tool'; toolUseId: string; name: string; input: unknown };

/** The signature the mock puts on its reasoning, and checks on reasoning sent back. */
export function mockReasoningSignature(text: string): string {
  return `mock-sig-${createHash('sha256').update(text).digest('base64')}`;
}

export function planBedrockReply(body: any): BedrockReplyPlan {
  const messages: any[] = Array.isArray(body?.messages) ? body.messages : [];
  const lastUser = lastUserMessage(messages);
  const lastUserText = (lastUser?.content ?? [])
    .filter((block: any) => typeof block?.text === 'string')
    .map((block: any) => block.text)
    .join(' ');
  const toolResults = (lastUser?.content ?? []).filter((block: any) => block?.toolResult);
  const echoed = lastUserText === '' && toolResults.length > 0 ? toolResultText(toolResults[toolResults.length - 1].toolResult) : lastUserText;

  const blocks: BedrockReplyBlock[] = [];
  const extra = body?.additionalModelRequestFields ?? {};
  if (extra.thinking?.type === 'enabled' || extra.thinking?.type === 'adaptive' || extra.reasoningConfig) {
    if (/redact/i.test(lastUserText)) blocks.push({ type: 'redacted-reasoning', data: Buffer.from(`redacted: ${echoed}`).toString('base64') });
    else {
      const text = `thinking about: ${echoed}`;
      blocks.push({ type: 'reasoning', text, signature: mockReasoningSignature(text) });
    }
  }

  const toolCalls = planToolCalls(body, lastUserText);
  if (toolCalls.length > 0) {
    blocks.push(...toolCalls);
    return finish(body, blocks, 'tool_use');
  }

  const schemaText = body?.outputConfig?.textFormat?.structure?.jsonSchema?.schema;
  let text = typeof schemaText === 'string' ? JSON.stringify(sampleOf(safeParse(schemaText))) : echoText(echoed);
  let stopReason: BedrockReplyPlan['stopReason'] = 'end_turn';
  const stopSequences: string[] = Array.isArray(body?.inferenceConfig?.stopSequences) ? body.inferenceConfig.stopSequences : [];
  for (const stop of stopSequences) {
    const at = text.indexOf(stop);
    if (stop !== '' && at !== -1) {
      text = text.slice(0, at);
      stopReason = 'stop_sequence';
    }
  }
  const maxTokens = body?.inferenceConfig?.maxTokens;
  const words = splitWords(text);
  if (typeof maxTokens === 'number' && words.length > maxTokens) {
    text = words.slice(0, maxTokens).join('');
    stopReason = 'max_tokens';
  }
  blocks.push({ type: 'text', text });
  return finish(body, blocks, stopReason);
}

function planToolCalls(body: any, lastUserText: string): BedrockReplyBlock[] {
  const specs: any[] = (Array.isArray(body?.toolConfig?.tools) ? body.toolConfig.tools : []).filter((tool: any) => tool?.toolSpec).map((tool: any) => tool.toolSpec);
  if (specs.length === 0) return [];
  const choice = body?.toolConfig?.toolChoice;
  let chosen: any[] = [];
  if (choice?.tool?.name) chosen = specs.filter((spec) => spec.name === choice.tool.name);
  else if (asksForToolCalls(lastUserText)) chosen = specs;
  else if (choice?.any) chosen = specs.slice(0, 1);
  return chosen.map((spec, index) => ({
    type: 'tool' as const,
    toolUseId: `tooluse_mock${index}`,
    name: String(spec.name),
    input: sampleOf(spec.inputSchema?.json ?? {}),
  }));
}

function finish(body: any, blocks: BedrockReplyBlock[], stopReason: BedrockReplyPlan['stopReason']): BedrockReplyPlan {
  const { input, cached } = countInput(body);
  const outputTokens = blocks.reduce((sum, block) => {
    if (block.type === 'text' || block.type === 'reasoning') return sum + countWords(block.text);
    if (block.type === 'tool') return sum + countWords(`${block.name} ${JSON.stringify(block.input)}`);
    return sum + 1;
  }, 0);
  const usage: BedrockReplyPlan['usage'] = { inputTokens: input, outputTokens, totalTokens: input + cached + outputTokens };
  if (cached > 0) {
    usage.cacheReadInputTokens = cached;
    usage.cacheWriteInputTokens = 0;
  }
  return { blocks, stopReason, usage };
}

// Words before the first cachePoint (system first, then messages) count as read from the cache.
function countInput(body: any): { input: number; cached: number } {
  let words = 0;
  let cached = 0;
  const visit = (blocks: any[]) => {
    for (const block of blocks) {
      if (block?.cachePoint && cached === 0) cached = words;
      words += countWords(blockTexts([block]).join(' '));
    }
  };
  visit(Array.isArray(body?.system) ? body.system : []);
  for (const message of Array.isArray(body?.messages) ? body.messages : []) visit(Array.isArray(message?.content) ? message.content : []);
  return { input: words - cached, cached };
}

function blockTexts(blocks: any[]): string[] {
  const texts: string[] = [];
  for (const block of blocks) {
    if (typeof block?.text === 'string') texts.push(block.text);
    else if (block?.toolResult) texts.push(toolResultText(block.toolResult));
  }
  return texts;
}

function toolResultText(toolResult: any): string {
  return (Array.isArray(toolResult?.content) ? toolResult.content : [])
    .map((item: any) => (typeof item?.text === 'string' ? item.text : item?.json !== undefined ? JSON.stringify(item.json) : ''))
    .filter((text: string) => text !== '')
    .join(' ');
}

/** A value of the schema's shape: required (or, without `required`, all) properties filled in. */
export function sampleOf(schema: any, name = 'value'): unknown {
  if (!schema || typeof schema !== 'object') return name;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string':
      return name;
    case 'number':
    case 'integer':
      return 0;
    case 'boolean':
      return true;
    case 'array':
      return [];
    case 'null':
      return null;
    default: {
      const properties = schema.properties && typeof schema.properties === 'object' ? schema.properties : {};
      const required: string[] = Array.isArray(schema.required) ? schema.required : Object.keys(properties);
      return Object.fromEntries(required.map((key) => [key, sampleOf(properties[key], key)]));
    }
  }
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
}
