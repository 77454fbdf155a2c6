import { AuthenticationError } from '@switchyard/core';
import { type VertexServiceAccount, vertexServiceAccountSchema } from './vertex-api.js';

/**
 * A service-account key, given as the key file's JSON text or as the parsed object → the key.
 * The messages name what is wrong without ever quoting the key: it is a credential, and error
 * messages reach clients and logs.
 */
export function parseVertexServiceAccount(value: unknown, source: string): VertexServiceAccount {
  let candidate = value;
  if (typeof value === 'string') {
    try {
      candidate = JSON.parse(value);
    } catch {
      throw new AuthenticationError(`The Vertex AI service account in ${source} is not valid JSON.`, { provider: 'vertex-ai', param: source });
    }
  }
  const parsed = vertexServiceAccountSchema.safeParse(candidate);
  if (!parsed.success) {
    const missing = parsed.error.issues.map((issue) => issue.path.join('.') || '(root)').join(', ');
    throw new AuthenticationError(`The Vertex AI service account in ${source} is not a service-account key (check: ${missing}).`, {
      provider: 'vertex-ai',
      param: source,
    });
  }
  if (parsed.data.type !== undefined && parsed.data.type !== 'service_account') {
    throw new AuthenticationError(`The Vertex AI credentials in ${source} are of type "${parsed.data.type}"; only service-account keys can be used.`, {
      provider: 'vertex-ai',
      param: source,
    });
  }
  return parsed.data;
}
