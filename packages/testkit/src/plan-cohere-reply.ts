import { exampleForSchema } from './plan-anthropic-reply.js';

/**
 * What the Cohere mock answers, decided from the request alone so every test can predict it:
 *
 * - Text: `echo: <last user turn>` — its text (a string or text blocks joined with a space),
 *   with `[image]` for each image_url block. When the conversation ends with tool messages,
 *   their outputs are echoed instead: `echo: <outputs joined with a space>`.
 * - Tools: when `tools` are offered and the last user text contains "call tools" (any case), or
 *   `tool_choice` is REQUIRED on a turn that is not a tool result, a tool plan
 *   `I will call <name> and <name>.` and one call per tool, in order, ids `<name>_mock<index>`,
 *   arguments mapping each required parameter to its own name. `tool_choice: NONE` keeps text.
 * - Thinking: with `thinking.type: enabled`, a thinking block `Thinking about: <echoed text>`
 *   comes first.
 * - JSON: `response_format` json_object with a `json_schema` answers an instance of the schema
 *   (each property its own name, 0, false, [] or {}); without one, `{"echo":"<text>"}`.
 * - Citations: with `documents`, or on a tool-result turn, the word `echo` is cited — sources
 *   are the documents (`{type: 'document', id, document}`) or the tool outputs
 *   (`{type: 'tool', id: '<tool_call_id>:0', tool_output}`).
 * - Length: a reply longer than `max_tokens` words is cut to that many, finish MAX_TOKENS; a
 *   stop sequence found in the reply cuts it before the sequence, finish STOP_SEQUENCE.
 * - Usage: input tokens = words of every message text and tool output; output tokens = words
 *   of the reply, the thinking, the plan and each call's name and arguments. Billed units are
 *   the same numbers; `cached_tokens` is 0.
 */
export interface CohereReplyPlan {
  thinking?: string;
  toolPlan?: string;
  /** Reply text for streaming: each piece is one word with its leading whitespace. */
  pieces: string[];
  toolCalls: Array<{ id: string; name: string; arguments: string }>;
  citations: CohereMockCitation[];
  finishReason: 'COMPLETE' | 'MAX_TOKENS' | 'STOP_SEQUENCE' | 'TOOL_CALL';
  inputTokens: number;
  outputTokens: number;
}

export interface CohereMockCitation {
  start: number;
  end: number;
  text: string;
  sources: Array<Record<string, unknown>>;
  type: 'TEXT_CONTENT';
  content_index: number;
}

export function planCohereReply(body: any): CohereReplyPlan {
  const messages: any[] = Array.isArray(body?.messages) ? body.messages : [];
  let inputTokens = 0;
  for (const message of messages) inputTokens += countWords(textOf(message?.content));

  // A conversation ending in tool messages is answered from their outputs.
  const trailingTools: any[] = [];
  for (let index = messages.length - 1; index >= 0 && messages[index]?.role === 'tool'; index--) trailingTools.unshift(messages[index]);
  const lastUser = [...messages].reverse().find((message) => message?.role === 'user');
  const userText = textOf(lastUser?.content);
  const images = Array.isArray(lastUser?.content) ? lastUser.content.filter((block: any) => block?.type === 'image_url').length : 0;
  const echoed =
    trailingTools.length > 0
      ? trailingTools.map((message) => textOf(message.content)).join(' ')
      : [userText, ...Array.from({ length: images }, () => '[image]')].filter((text) => text !== '').join(' ');

  const thinking = body?.thinking?.type === 'enabled' ? `Thinking about: ${echoed}`.trimEnd() : undefined;
  const thinkingTokens = thinking ? countWords(thinking) : 0;

  const toolCalls = trailingTools.length > 0 ? [] : planToolCalls(body, userText);
  if (toolCalls.length > 0) {
    const toolPlan = `I will call ${toolCalls.map((call) => call.name).join(' and ')}.`;
    const outputTokens = thinkingTokens + countWords(toolPlan) + toolCalls.reduce((sum, call) => sum + countWords(`${call.name} ${call.arguments}`), 0);
    return { thinking, toolPlan, pieces: [], toolCalls, citations: [], finishReason: 'TOOL_CALL', inputTokens, outputTokens };
  }

  const format = body?.response_format;
  let text: string;
  if (format?.type === 'json_object') text = JSON.stringify(format.json_schema ? exampleForSchema(format.json_schema) : { echo: echoed });
  else text = `echo: ${echoed}`.trimEnd();

  let finishReason: CohereReplyPlan['finishReason'] = 'COMPLETE';
  const stops: unknown[] = Array.isArray(body?.stop_sequences) ? body.stop_sequences : [];
  let cut = -1;
  for (const stop of stops) {
    if (typeof stop !== 'string' || stop === '') continue;
    const at = text.indexOf(stop);
    if (at !== -1 && (cut === -1 || at < cut)) cut = at;
  }
  if (cut !== -1) {
    text = text.slice(0, cut);
    finishReason = 'STOP_SEQUENCE';
  }
  let pieces = splitWords(text);
  if (typeof body?.max_tokens === 'number' && pieces.length > body.max_tokens) {
    pieces = pieces.slice(0, Math.max(0, body.max_tokens));
    finishReason = 'MAX_TOKENS';
  }

  const citations = planCitations(body, trailingTools, pieces.join(''));
  const outputTokens = thinkingTokens + pieces.length;
  return { thinking, pieces, toolCalls: [], citations, finishReason, inputTokens, outputTokens };
}

function planToolCalls(body: any, userText: string): CohereReplyPlan['toolCalls'] {
  const tools: any[] = Array.isArray(body?.tools) ? body.tools : [];
  if (tools.length === 0 || body?.tool_choice === 'NONE') return [];
  if (body?.tool_choice !== 'REQUIRED' && !userText.toLowerCase().includes('call tools')) return [];
  return tools.map((tool, index) => {
    const name = String(tool?.function?.name ?? '');
    const required: unknown[] = Array.isArray(tool?.function?.parameters?.required) ? tool.function.parameters.required : [];
    const args = Object.fromEntries(required.filter((key) => typeof key === 'string').map((key) => [key, key]));
    return { id: `${name}_mock${index}`, name, arguments: JSON.stringify(args) };
  });
}

function planCitations(body: any, trailingTools: any[], text: string): CohereMockCitation[] {
  if (!text.startsWith('echo')) return [];
  const documents: any[] = Array.isArray(body?.documents) ? body.documents : [];
  const sources: Array<Record<string, unknown>> = [];
  documents.forEach((document, index) => {
    const data = typeof document === 'string' ? { text: document } : (document?.data ?? {});
    sources.push({ type: 'document', id: typeof document?.id === 'string' ? document.id : `doc:${index}`, document: { id: document?.id ?? `doc:${index}`, ...data } });
  });
  for (const message of trailingTools) {
    sources.push({ type: 'tool', id: `${message.tool_call_id}:0`, tool_output: { text: textOf(message.content) } });
  }
  if (sources.length === 0) return [];
  return [{ start: 0, end: 4, text: 'echo', sources, type: 'TEXT_CONTENT', content_index: 0 }];
}

/** The text of a content: a string, or its text (and document) blocks joined with a space. */
function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((block: any) => {
      if (block?.type === 'text' && typeof block.text === 'string') return block.text;
      if (block?.type === 'document') return JSON.stringify(block.document?.data ?? {});
      return '';
    })
    .filter((text) => text !== '')
    .join(' ');
}

function countWords(text: string): number {
  let count = 0;
  for (const _ of text.matchAll(/\S+/g)) count++;
  return count;
}

// Leading whitespace stays with its word, so the pieces concatenate back to the exact text.
function splitWords(text: string): string[] {
  return text.match(/\s*\S+/g) ?? [];
}
