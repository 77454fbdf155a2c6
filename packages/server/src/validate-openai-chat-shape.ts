import { InvalidRequestError } from '@switchyard/core';

const roles = new Set(['system', 'developer', 'user', 'assistant', 'tool', 'function']);

/**
 * The passthrough path does not decode the request, but a malformed one must still get a
 * clear 400 from the gateway rather than whatever the upstream makes of it. This checks
 * only the shape routing relies on, without walking message contents.
 */
export function validateOpenAIChatShape(body: Record<string, unknown>): void {
  const { messages, stream } = body;
  if (!Array.isArray(messages)) {
    throw new InvalidRequestError(
      messages === undefined ? "Missing required parameter: 'messages'." : "Invalid type for 'messages': expected an array.",
      { param: 'messages' },
    );
  }
  for (let index = 0; index < messages.length; index++) {
    const message = messages[index] as { role?: unknown } | null;
    if (typeof message !== 'object' || message === null || Array.isArray(message)) {
      throw new InvalidRequestError(`Invalid type for 'messages[${index}]': expected an object.`, { param: `messages[${index}]` });
    }
    if (typeof message.role !== 'string' || !roles.has(message.role)) {
      throw new InvalidRequestError(
        `Invalid value for 'messages[${index}].role': ${JSON.stringify(message.role ?? null)}. Supported roles: system, developer, user, assistant, tool.`,
        { param: `messages[${index}].role` },
      );
    }
  }
  if (stream !== undefined && stream !== null && typeof stream !== 'boolean') {
    throw new InvalidRequestError("Invalid type for 'stream': expected a boolean.", { param: 'stream' });
  }
}
