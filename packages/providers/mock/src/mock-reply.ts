import type { ChatRequest, ChatResponse, ToolCallPart, Usage } from '@switchyard/core';

/**
 * The mock's answer is a pure function of the request, so tests and first-time users get the
 * same output every time: the text `echo: <last user text>`, or — when tools are offered and
 * the last user turn says "call tools" — one call to each tool, in parallel.
 */
export function buildMockReply(request: ChatRequest, responseId: string): ChatResponse {
  const lastUserText = lastUserMessageText(request);
  const wantsTools = (request.tools?.length ?? 0) > 0 && request.toolChoice?.type !== 'none' && /call tools/i.test(lastUserText);
  const content: ChatResponse['content'] = [];
  if (wantsTools) {
    request.tools!.forEach((tool, index) => {
      const call: ToolCallPart = { type: 'tool-call', id: `call_mock_${index}`, name: tool.name, arguments: exampleArguments(tool.parameters) };
      content.push(call);
    });
  } else {
    let text = `echo: ${lastUserText}`;
    if (request.maxOutputTokens !== undefined) text = text.split(' ').slice(0, Math.max(1, request.maxOutputTokens)).join(' ');
    content.push({ type: 'text', text });
  }
  const truncated = !wantsTools && request.maxOutputTokens !== undefined && countWords(`echo: ${lastUserText}`) > request.maxOutputTokens;
  return {
    id: responseId,
    model: request.model,
    created: Math.floor(Date.now() / 1000),
    content,
    finishReason: wantsTools ? { unified: 'tool-calls', raw: 'tool_calls' } : truncated ? { unified: 'length', raw: 'length' } : { unified: 'stop', raw: 'stop' },
    usage: countUsage(request, content),
  };
}

function lastUserMessageText(request: ChatRequest): string {
  for (let i = request.messages.length - 1; i >= 0; i--) {
    const message = request.messages[i]!;
    if (message.role === 'user') {
      return message.content.map((part) => (part.type === 'text' ? part.text : `[${part.type}]`)).join(' ');
    }
    if (message.role === 'tool') {
      return message.content.flatMap((result) => result.content.map((part) => (part.type === 'text' ? part.text : `[${part.type}]`))).join(' ');
    }
  }
  return '';
}

/** Arguments that satisfy a simple JSON Schema: each required property gets a value of its type. */
function exampleArguments(schema: Record<string, unknown>): string {
  const properties = (schema.properties ?? {}) as Record<string, { type?: string }>;
  const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
  const args: Record<string, unknown> = {};
  for (const name of required) {
    const type = properties[name]?.type;
    args[name] = type === 'number' || type === 'integer' ? 1 : type === 'boolean' ? true : type === 'array' ? [] : type === 'object' ? {} : name;
  }
  return JSON.stringify(args);
}

function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

function countUsage(request: ChatRequest, content: ChatResponse['content']): Usage {
  let input = 0;
  for (const message of request.messages) {
    for (const part of message.content) {
      if (part.type === 'text') input += countWords(part.text);
      else input += 1;
    }
  }
  let output = 0;
  for (const part of content) output += part.type === 'text' ? countWords(part.text) : countWords(part.type === 'tool-call' ? part.arguments : '') + 1;
  return { input, output, total: input + output };
}
