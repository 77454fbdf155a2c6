import { asksForToolCalls, contentText, countWords, echoText, sizeReply, splitWords } from './mock-reply-text.js';

/**
 * What the OpenAI mock answers, decided from the request alone so every test can predict it:
 *
 * - Text: `echo: <text of the last user message>` (text parts joined with a space), or of the
 *   trailing tool messages when the conversation ends with tool results (joined with a space). With
 *   `words: n` the reply is exactly n words: `echo:` then the user's words repeated.
 * - Tools: when the request has function `tools` and the last message is a user message whose
 *   text contains "call tools" (any case), one call per tool, in order, ids `call_<index>`,
 *   arguments a JSON object mapping each required parameter to its own name as a string
 *   (`{}` when none); finish reason `tool_calls`. `tool_choice: "none"` keeps the text reply;
 *   `parallel_tool_calls: false` calls only the first tool.
 * - Length: `max_completion_tokens` (or `max_tokens`) below the reply's word count cuts the
 *   reply to that many words, finish reason `length`.
 * - Usage: prompt tokens = whitespace-separated words in the text of every message; completion
 *   tokens = words of the reply text, or of each call's name and arguments.
 */
export interface OpenAIReplyPlan {
  /** Reply text split for streaming: each piece is one word with its leading whitespace. */
  pieces: string[];
  toolCalls: Array<{ id: string; name: string; arguments: string }>;
  finishReason: 'stop' | 'length' | 'tool_calls';
  promptTokens: number;
  completionTokens: number;
}

export function planOpenAIReply(body: any, options: { words?: number } = {}): OpenAIReplyPlan {
  const messages: any[] = Array.isArray(body?.messages) ? body.messages : [];
  let promptTokens = 0;
  let lastUserText = '';
  for (const message of messages) {
    const text = contentText(message?.content);
    promptTokens += countWords(text);
    if (message?.role === 'user') lastUserText = text;
  }
  const trailingToolResults: string[] = [];
  for (let index = messages.length - 1; index >= 0 && messages[index]?.role === 'tool'; index--) {
    trailingToolResults.unshift(contentText(messages[index].content));
  }
  if (trailingToolResults.length > 0) lastUserText = trailingToolResults.join(' ');

  const toolCalls = planToolCalls(body, messages);
  if (toolCalls.length > 0) {
    const completionTokens = toolCalls.reduce((sum, call) => sum + countWords(`${call.name} ${call.arguments}`), 0);
    return { pieces: [], toolCalls, finishReason: 'tool_calls', promptTokens, completionTokens };
  }

  let pieces = splitWords(echoText(lastUserText));
  if (options.words !== undefined) pieces = sizeReply(pieces, options.words);
  let finishReason: OpenAIReplyPlan['finishReason'] = 'stop';
  const limit = body?.max_completion_tokens ?? body?.max_tokens;
  if (typeof limit === 'number' && limit >= 0 && pieces.length > limit) {
    pieces = pieces.slice(0, limit);
    finishReason = 'length';
  }
  return { pieces, toolCalls: [], finishReason, promptTokens, completionTokens: pieces.length };
}

function planToolCalls(body: any, messages: any[]): OpenAIReplyPlan['toolCalls'] {
  const tools: any[] = Array.isArray(body?.tools) ? body.tools.filter((tool: any) => tool?.type === 'function') : [];
  const last = messages[messages.length - 1];
  if (tools.length === 0 || body?.tool_choice === 'none' || last?.role !== 'user') return [];
  if (!asksForToolCalls(contentText(last.content))) return [];
  const chosen = body?.parallel_tool_calls === false ? tools.slice(0, 1) : tools;
  return chosen.map((tool, index) => {
    const required: unknown[] = tool.function?.parameters?.required ?? [];
    const args = Object.fromEntries(required.filter((name) => typeof name === 'string').map((name) => [name, name]));
    return { id: `call_${index}`, name: String(tool.function?.name ?? `tool_${index}`), arguments: JSON.stringify(args) };
  });
}
