import { InvalidRequestError, UnsupportedError } from '@switchyard/core';

/** The model publishers this adapter speaks to: Gemini (generateContent) and Claude (rawPredict). */
export type VertexPublisher = 'google' | 'anthropic';

export interface VertexModel {
  publisher: VertexPublisher;
  /** The id as it goes in the path: `gemini-2.5-flash`, `claude-sonnet-4-5@20250929`. */
  model: string;
}

// A model id is one path segment: letters, digits, `.`, `_`, `-` and Vertex's `@version`.
const modelIdPattern = /^[A-Za-z0-9][A-Za-z0-9._@-]*$/;
const knownPublishers = new Set(['google', 'anthropic']);
// Publishers Vertex hosts with another API (OpenAI-compatible endpoints): not served here.
const otherPublishers = new Set(['meta', 'mistralai', 'mistral', 'ai21', 'deepseek-ai', 'qwen', 'openai', 'endpoints']);

/**
 * The publisher and model id of a model string. `publisher/model` names the publisher; so
 * does Portkey's `publisher.model` (`anthropic.claude-3-5-sonnet@20240620`). Otherwise a
 * `claude-*` id is Anthropic's and anything else Google's. The id must be one plain path
 * segment, since it becomes part of the URL.
 */
export function resolveVertexModel(input: string): VertexModel {
  let publisher: string | undefined;
  let model = input;
  const slash = input.indexOf('/');
  if (slash !== -1) {
    publisher = input.slice(0, slash);
    model = input.slice(slash + 1);
  } else {
    const dot = input.indexOf('.');
    const prefix = dot === -1 ? '' : input.slice(0, dot);
    if (knownPublishers.has(prefix) || otherPublishers.has(prefix)) {
      publisher = prefix;
      model = input.slice(dot + 1);
    }
  }
  if (publisher !== undefined && !knownPublishers.has(publisher)) {
    throw new UnsupportedError(`Vertex AI models of publisher "${publisher}" are not served by this adapter; only Gemini (google) and Claude (anthropic) are.`, {
      param: 'model',
      provider: 'vertex-ai',
    });
  }
  if (!modelIdPattern.test(model)) {
    throw new InvalidRequestError(`"${input}" is not a Vertex AI model id (letters, digits, ".", "_", "-" and "@version").`, { param: 'model', provider: 'vertex-ai' });
  }
  return { publisher: (publisher as VertexPublisher | undefined) ?? (model.startsWith('claude-') ? 'anthropic' : 'google'), model };
}
