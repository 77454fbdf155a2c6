import { mockEmbeddingVector, mockTokenCount } from './mock-embedding.js';
import { isJsonObject, pathWithoutQuery } from './mock-request.js';
import { type MockServer, startMockServer } from './mock-server.js';
import { writeJson } from './write-json.js';

export interface MistralEndpointsMockOptions {
  /** When set, requests must carry `Authorization: Bearer <apiKey>`, else Mistral's 401. */
  apiKey?: string;
  recordRequests?: boolean;
}

export interface MistralEndpointsMock extends MockServer {
  /** `<url>/v1`, Mistral's base shape. */
  baseURL: string;
}

/** Texts containing one of these words are flagged in that Mistral category (score 0.9; others 0.01). */
export const mistralMockFlagWords: Readonly<Record<string, string>> = {
  kill: 'violence_and_threats',
  hate: 'hate_and_discrimination',
  diagnose: 'health',
};

const categories = ['sexual', 'hate_and_discrimination', 'violence_and_threats', 'dangerous_and_criminal_content', 'selfharm', 'health', 'financial', 'law', 'pii'];

/**
 * A loopback Mistral for its non-chat endpoints: `POST /v1/embeddings` (OpenAI's shape, as
 * Mistral answers it: `mockEmbeddingVector(text, output_dimension ?? 8)` as floats, or base64
 * float32 bytes with `encoding_format: base64`; Mistral's
 * own `output_dimension` field; OpenAI's `dimensions` is refused with Mistral's 422) and
 * `POST /v1/moderations` (`{model, input}` → `{id, model, results: [{categories,
 * category_scores}]}` under Mistral's nine category names, see `mistralMockFlagWords`).
 */
export async function startMistralEndpointsMock(options: MistralEndpointsMockOptions = {}): Promise<MistralEndpointsMock> {
  let sequence = 0;
  const error = (message: string, type = 'invalid_request_error') => ({ object: 'error', message, type, param: null, code: null });
  const server = await startMockServer(
    (request, response) => {
      sequence++;
      const send = (status: number, body: object) => writeJson(response, status, body, { 'x-request-id': `mistral-mock-${sequence}` });
      if (options.apiKey !== undefined && request.headers.authorization !== `Bearer ${options.apiKey}`) return send(401, { message: 'Unauthorized', request_id: `mistral-mock-${sequence}` });
      const path = pathWithoutQuery(request.path);
      const body = request.json;
      if (request.method !== 'POST' || (path !== '/v1/embeddings' && path !== '/v1/moderations')) return send(404, { detail: 'Not Found' });
      if (!isJsonObject(body) || typeof body.model !== 'string') return send(422, error('model: Field required'));
      const extra = Object.keys(body).filter((key) => !(path === '/v1/embeddings' ? ['model', 'input', 'output_dimension', 'output_dtype', 'encoding_format'] : ['model', 'input']).includes(key));
      if (extra.length > 0) {
        return send(422, { object: 'error', message: { detail: extra.map((key) => ({ type: 'extra_forbidden', loc: ['body', key], msg: 'Extra inputs are not permitted' })) }, type: 'invalid_request_error', param: null, code: null });
      }
      const input: unknown[] = typeof body.input === 'string' ? [body.input] : Array.isArray(body.input) ? body.input : [];
      if (input.length === 0 || input.some((text) => typeof text !== 'string')) return send(422, error('input: Input should be a valid string or list of strings'));
      const texts = input as string[];
      if (path === '/v1/embeddings') {
        const tokens = texts.reduce((sum, text) => sum + mockTokenCount(text), 0);
        return send(200, {
          id: `emb-mock${sequence}`,
          object: 'list',
          data: texts.map((text, index) => {
            const vector = mockEmbeddingVector(text, body.output_dimension ?? 8);
            // base64 is the little-endian float32 bytes, as OpenAI (and the SDKs that ask for it by default) have it.
            const embedding = body.encoding_format === 'base64' ? Buffer.from(new Float32Array(vector).buffer).toString('base64') : vector;
            return { object: 'embedding', embedding, index };
          }),
          model: body.model,
          usage: { prompt_tokens: tokens, total_tokens: tokens, completion_tokens: 0 },
        });
      }
      const results = texts.map((text) => {
        const flagged = new Set(Object.entries(mistralMockFlagWords).filter(([word]) => text.toLowerCase().includes(word)).map(([, category]) => category));
        return {
          categories: Object.fromEntries(categories.map((name) => [name, flagged.has(name)])),
          category_scores: Object.fromEntries(categories.map((name) => [name, flagged.has(name) ? 0.9 : 0.01])),
        };
      });
      return send(200, { id: `mod-mock${sequence}`, model: body.model, results });
    },
    { recordRequests: options.recordRequests, faultBody: (status) => error(`Mock fault: HTTP ${status}.`, status >= 500 ? 'server_error' : 'invalid_request_error') },
  );
  return Object.assign(server, { baseURL: `${server.url}/v1` });
}
