import { InvalidRequestError } from '@switchyard/core';
import { checkNumberParams, openAIChatNumberBounds } from './check-number-params.js';

const roles = new Set(['system', 'developer', 'user', 'assistant', 'tool', 'function']);

/**
 * The passthrough path does not decode the request, but a malformed one must still get a
 * clear 400 from the gateway rather than whatever the upstream makes of it. This checks
 * only the shape routing relies on, without walking message contents.
 */
// Only the structure is checked, not the part types: a type OpenAI adds later must pass through.
function checkContentParts(content: unknown, param: string): void {
  if (content === undefined || content === null || typeof content === 'string') return;
  if (!Array.isArray(content)) throw new InvalidRequestError(`Invalid type for '${param}': expected a string or an array of content parts.`, { param });
  content.forEach((part, index) => checkTyped(part, `${param}[${index}]`));
}

function checkTyped(value: unknown, param: string): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidRequestError(`Invalid type for '${param}': expected an object.`, { param });
  }
  if (typeof (value as { type?: unknown }).type !== 'string') {
    throw new InvalidRequestError(`Invalid type for '${param}.type': expected a string.`, { param: `${param}.type` });
  }
}

export function validateOpenAIChatShape(body: Record<string, unknown>): void {
  const { messages, stream } = body;
  if (!Array.isArray(messages)) {
    throw new InvalidRequestError(
      messages === undefined ? "Missing required parameter: 'messages'." : "Invalid type for 'messages': expected an array.",
      { param: 'messages' },
    );
  }
  for (let index = 0; index < messages.length; index++) {
    const message = messages[index] as { role?: unknown; content?: unknown } | null;
    if (typeof message !== 'object' || message === null || Array.isArray(message)) {
      throw new InvalidRequestError(`Invalid type for 'messages[${index}]': expected an object.`, { param: `messages[${index}]` });
    }
    if (typeof message.role !== 'string' || !roles.has(message.role)) {
      throw new InvalidRequestError(
        `Invalid value for 'messages[${index}].role': ${JSON.stringify(message.role ?? null)}. Supported roles: system, developer, user, assistant, tool.`,
        { param: `messages[${index}].role` },
      );
    }
    checkContentParts(message.content, `messages[${index}].content`);
  }
  const { tools } = body;
  if (tools !== undefined && tools !== null) {
    if (!Array.isArray(tools)) throw new InvalidRequestError("Invalid type for 'tools': expected an array.", { param: 'tools' });
    tools.forEach((tool, index) => checkTyped(tool, `tools[${index}]`));
  }
  if (stream !== undefined && stream !== null && typeof stream !== 'boolean') {
    throw new InvalidRequestError("Invalid type for 'stream': expected a boolean.", { param: 'stream' });
  }
  checkNumberParams(body, openAIChatNumberBounds);
}
