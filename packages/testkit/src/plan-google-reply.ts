import { asksForToolCalls, countWords, echoText, sizeReply, splitWords } from './mock-reply-text.js';

/**
 * What the Gemini mock answers, decided from the request alone so every test can predict it:
 *
 * - Text: `echo: <last user turn>` — the text parts of the last `user` content joined with a
 *   space, followed by each functionResponse in it as `<name> <response JSON>` (so a
 *   tool-result turn is echoed back). With `responseMimeType: application/json` the reply is
 *   `{"echo":"<that text>"}` instead. With `words: n` a text reply is exactly n words.
 * - Tools: when function declarations are offered and the last user turn's text contains
 *   "call tools" (any case), or `functionCallingConfig.mode` is ANY on a turn that is not a
 *   tool result, one functionCall per declaration (only `allowedFunctionNames` under ANY),
 *   in parallel, args mapping each required parameter to its own name; mode NONE never calls.
 * - Thinking: with `thinkingConfig.includeThoughts` a thought part `Thinking about: <text>`
 *   comes first. With any thinkingConfig the first answer part (the first functionCall, else
 *   the first text) carries a thoughtSignature, as Gemini 2.5 / 3 do.
 * - Length: `maxOutputTokens` below the reply's word count cuts it, finishReason MAX_TOKENS.
 * - Usage: prompt tokens = words of every text part and of the system instruction; candidate
 *   tokens = reply words (or words of each call's name and args); thought tokens = words of
 *   the thought.
 */
export interface GoogleReplyPlan {
  thought?: string;
  /** Reply text for streaming: each piece is one word with its leading whitespace. */
  pieces: string[];
  functionCalls: Array<{ name: string; args: Record<string, unknown> }>;
  /** Whether the first answer part carries a thoughtSignature. */
  signed: boolean;
  finishReason: 'STOP' | 'MAX_TOKENS';
  promptTokens: number;
  candidatesTokens: number;
  thoughtsTokens: number;
}

export function planGoogleReply(body: any, options: { words?: number } = {}): GoogleReplyPlan {
  const contents: any[] = Array.isArray(body?.contents) ? body.contents : [];
  let promptTokens = countWords(partsText(body?.systemInstruction?.parts));
  for (const content of contents) promptTokens += countWords(partsText(content?.parts));

  const lastUser = [...contents].reverse().find((content) => content?.role === 'user' || content?.role === undefined);
  const userText = partsText(lastUser?.parts);
  const responses: any[] = (lastUser?.parts ?? []).filter((part: any) => part?.functionResponse).map((part: any) => part.functionResponse);
  const echoed = [userText, ...responses.map((response) => `${response.name} ${JSON.stringify(response.response ?? {})}`)]
    .filter((text) => text !== '')
    .join(' ');

  const thinking = body?.generationConfig?.thinkingConfig;
  const thought = thinking?.includeThoughts === true ? `Thinking about: ${echoed}` : undefined;
  const thoughtsTokens = thought ? countWords(thought) : 0;
  const signed = thinking !== undefined && thinking !== null;

  const functionCalls = planFunctionCalls(body, userText, responses.length > 0);
  if (functionCalls.length > 0) {
    const candidatesTokens = functionCalls.reduce((sum, call) => sum + countWords(`${call.name} ${JSON.stringify(call.args)}`), 0);
    return { thought, pieces: [], functionCalls, signed, finishReason: 'STOP', promptTokens, candidatesTokens, thoughtsTokens };
  }

  const json = body?.generationConfig?.responseMimeType === 'application/json';
  let pieces = json ? [JSON.stringify({ echo: echoed })] : splitWords(echoText(echoed));
  if (!json && options.words !== undefined) pieces = sizeReply(pieces, options.words);
  let finishReason: GoogleReplyPlan['finishReason'] = 'STOP';
  const limit = body?.generationConfig?.maxOutputTokens;
  if (!json && typeof limit === 'number' && limit >= 0 && pieces.length > limit) {
    pieces = pieces.slice(0, limit);
    finishReason = 'MAX_TOKENS';
  }
  return { thought, pieces, functionCalls: [], signed, finishReason, promptTokens, candidatesTokens: countWords(pieces.join('')), thoughtsTokens };
}

function planFunctionCalls(body: any, userText: string, isToolResult: boolean): GoogleReplyPlan['functionCalls'] {
  const declarations: any[] = (Array.isArray(body?.tools) ? body.tools : []).flatMap((tool: any) =>
    Array.isArray(tool?.functionDeclarations) ? tool.functionDeclarations : [],
  );
  const config = body?.toolConfig?.functionCallingConfig ?? {};
  if (declarations.length === 0 || config.mode === 'NONE') return [];
  const forced = config.mode === 'ANY' && !isToolResult;
  if (!forced && !asksForToolCalls(userText)) return [];
  const allowed: unknown = config.allowedFunctionNames;
  const chosen = config.mode === 'ANY' && Array.isArray(allowed) ? declarations.filter((declaration) => allowed.includes(declaration.name)) : declarations;
  return chosen.map((declaration) => {
    const schema = declaration.parametersJsonSchema ?? declaration.parameters ?? {};
    const required: unknown[] = Array.isArray(schema.required) ? schema.required : [];
    const args = Object.fromEntries(required.filter((name) => typeof name === 'string').map((name) => [name, name]));
    return { name: String(declaration.name), args };
  });
}

function partsText(parts: unknown): string {
  if (!Array.isArray(parts)) return '';
  return parts
    .filter((part: any) => typeof part?.text === 'string' && part.thought !== true)
    .map((part: any) => part.text)
    .join(' ');
}
