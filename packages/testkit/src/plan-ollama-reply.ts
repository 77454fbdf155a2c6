import { contentText, countWords, lastUserMessage, splitWords } from './mock-reply-text.js';
import { planOpenAIReply } from './plan-openai-reply.js';

/**
 * What the Ollama mock answers to a native `/api/chat` body, decided from the request alone:
 *
 * - Text and tool calls follow `planOpenAIReply` (Ollama's messages and tools have OpenAI's
 *   shapes): `echo: <last user text>`, or one call per tool when the user says "call tools";
 *   `options.num_predict` caps the reply in words (done_reason `length`).
 * - `format: 'json'` answers `{"echo": "<last user text>"}`; a JSON-schema `format` answers an
 *   object with every required property: strings hold the property's name, numbers 0, booleans false.
 * - `think` (true or a level) adds thinking: `Thinking about: <last user text>`.
 * - Usage: prompt_eval_count = words of every message; eval_count = words of the reply (text or
 *   each call's name and arguments) plus the thinking's.
 */
export interface OllamaReplyPlan {
  /** Reply text split for streaming, one word each with its leading whitespace. */
  pieces: string[];
  thinkingPieces: string[];
  toolCalls: Array<{ name: string; arguments: Record<string, unknown> }>;
  doneReason: 'stop' | 'length';
  promptEvalCount: number;
  evalCount: number;
}

export function planOllamaReply(body: any): OllamaReplyPlan {
  const messages: any[] = Array.isArray(body?.messages) ? body.messages : [];
  const numPredict = body?.options?.num_predict;
  const openAIPlan = planOpenAIReply({
    messages,
    tools: body?.tools,
    ...(typeof numPredict === 'number' && numPredict >= 0 && { max_tokens: numPredict }),
  });
  const userText = contentText(lastUserMessage(messages)?.content);
  const thinkingPieces = body?.think === true || typeof body?.think === 'string' ? splitWords(`Thinking about: ${userText}`) : [];

  let pieces = openAIPlan.pieces;
  if (openAIPlan.toolCalls.length === 0 && body?.format !== undefined && body?.format !== null && body?.format !== '') {
    pieces = [JSON.stringify(body.format === 'json' ? { echo: userText } : sampleOf(body.format))];
  }
  const replyWords = openAIPlan.toolCalls.length > 0 ? openAIPlan.completionTokens : pieces.reduce((sum, piece) => sum + countWords(piece), 0);
  return {
    pieces: openAIPlan.toolCalls.length > 0 ? [] : pieces,
    thinkingPieces,
    toolCalls: openAIPlan.toolCalls.map((call) => ({ name: call.name, arguments: JSON.parse(call.arguments) as Record<string, unknown> })),
    doneReason: openAIPlan.finishReason === 'length' ? 'length' : 'stop',
    promptEvalCount: openAIPlan.promptTokens,
    evalCount: replyWords + thinkingPieces.length,
  };
}

function sampleOf(schema: any): Record<string, unknown> {
  const properties = typeof schema?.properties === 'object' && schema.properties !== null ? schema.properties : {};
  const required: unknown[] = Array.isArray(schema?.required) ? schema.required : Object.keys(properties);
  const sample: Record<string, unknown> = {};
  for (const name of required) {
    if (typeof name !== 'string') continue;
    const type = properties[name]?.type;
    sample[name] = type === 'number' || type === 'integer' ? 0 : type === 'boolean' ? false : name;
  }
  return sample;
}
