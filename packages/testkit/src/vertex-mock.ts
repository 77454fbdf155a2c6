import { type KeyObject, createPublicKey, verify } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { anthropicError } from './anthropic-mock.js';
import { encodeAnthropicMessage, encodeAnthropicStream } from './encode-anthropic-reply.js';
import { encodeGoogleResponse, encodeGoogleStreamChunks, frameGoogleSseEvent } from './encode-google-reply.js';
import { googleError } from './google-mock.js';
import { answerVertexPredict } from './vertex-mock-predictions.js';
import { type MockContext, type MockServer, type ReceivedRequest, startMockServer } from './mock-server.js';
import { createPromptCache, planAnthropicReply } from './plan-anthropic-reply.js';
import { planGoogleReply } from './plan-google-reply.js';
import { validateAnthropicRequest } from './validate-anthropic-request.js';

export interface VertexMockServiceAccount {
  clientEmail: string;
  /** The public half of the account's key (PEM or a KeyObject): assertions must verify with it. */
  publicKey: string | KeyObject;
}

export interface VertexMockOptions {
  /** Service accounts the token endpoint knows; a JWT from any other is refused. */
  serviceAccounts?: VertexMockServiceAccount[];
  /** Bearer tokens accepted as they are (an access token given to the adapter directly). */
  accessTokens?: string[];
  /** `expires_in` of issued tokens, in seconds (default 3599, as Google answers). */
  tokenLifetimeSeconds?: number;
  /** The mock's clock in ms: token expiry and the JWT's iat/exp are checked against it (default `Date.now`). */
  now?: () => number;
  /** Projects that exist; calls to another get Vertex's 403. Default: every project. */
  projects?: string[];
  /** Pause between stream events (default 0: the whole stream is written at once). */
  streamDelayMs?: number;
  /** Keep requests in `received` (default true). */
  recordRequests?: boolean;
}

export interface VertexMock extends MockServer {
  /** The bare host the adapter is given as its base URL (custom_host); the API version is in the path. */
  baseURL: string;
  /** The token endpoint, to put in a service account's `token_uri`. */
  tokenURL: string;
  /** The token endpoint's own server: its `received` are the token requests, its `failNext` fails them. */
  tokenServer: MockServer;
  /** Every access token issued so far, in order (kept across `reset`, as Google keeps them valid). */
  issuedTokens: string[];
  /** Successful token exchanges since the last `reset`. */
  tokenExchanges(): number;
}

const jwtBearerGrant = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
const cloudPlatformScope = 'https://www.googleapis.com/auth/cloud-platform';

// Vertex answers these for a missing or a bad / expired bearer token.
const missingCredentials =
  'Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.';
const invalidCredentials =
  'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.';

const route =
  /^\/(v1|v1beta1)\/projects\/([^/]+)\/locations\/([^/]+)\/publishers\/(google|anthropic)\/models\/([^/:]+):(generateContent|streamGenerateContent|rawPredict|streamRawPredict|predict)$/;

function vertexFaultBody(status: number) {
  const names: Record<number, string> = { 400: 'INVALID_ARGUMENT', 401: 'UNAUTHENTICATED', 403: 'PERMISSION_DENIED', 404: 'NOT_FOUND', 429: 'RESOURCE_EXHAUSTED', 500: 'INTERNAL', 503: 'UNAVAILABLE', 504: 'DEADLINE_EXCEEDED' };
  if (status === 429) return googleError(429, 'RESOURCE_EXHAUSTED', 'Quota exceeded for aiplatform.googleapis.com/generate_content_requests_per_minute_per_project_per_base_model. (mock fault)');
  return googleError(status, names[status] ?? 'UNKNOWN', `Mock fault: HTTP ${status}.`);
}

/**
 * A loopback Vertex AI: two servers in one mock.
 *
 * - The OAuth token endpoint (`POST {tokenURL}`, form-encoded JWT bearer grant): the assertion's
 *   RS256 signature is verified with the service account's public key, and its claims checked
 *   as Google does (iss a known account, aud = this endpoint, the cloud-platform scope, a
 *   lifetime of at most an hour around the mock's clock); the answer is
 *   `{access_token, expires_in, token_type}` or Google's `{error, error_description}`.
 * - The Vertex API: `/{v1|v1beta1}/projects/{p}/locations/{l}/publishers/google/models/{m}:generateContent`
 *   and `:streamGenerateContent` answered by the Gemini mock's planner and encoder (plus
 *   Vertex's `createTime`), and `/publishers/anthropic/models/{m}:rawPredict` / `:streamRawPredict`
 *   answered by the Anthropic mock's, after Vertex's own rules (no `model` in the body,
 *   `anthropic_version: vertex-2023-10-16`), and `/publishers/google/models/{m}:predict` for text
 *   embedding models (instances with `content`) and Imagen (instances with `prompt`), see
 *   vertex-mock-predictions.ts. Every call needs `Authorization: Bearer` with a token
 *   this mock issued and that has not expired, or one of `accessTokens`.
 *
 * Faults and replays queued on the mock apply to API calls only; the token endpoint has its own.
 */
export async function startVertexMock(options: VertexMockOptions = {}): Promise<VertexMock> {
  const now = options.now ?? Date.now;
  const lifetime = options.tokenLifetimeSeconds ?? 3599;
  const streamDelayMs = options.streamDelayMs ?? 0;
  const publicKeys = new Map((options.serviceAccounts ?? []).map((account) => [account.clientEmail, typeof account.publicKey === 'string' ? createPublicKey(account.publicKey) : account.publicKey]));
  const issued = new Map<string, number>();
  const issuedTokens: string[] = [];
  const promptCache = createPromptCache();
  let exchanges = 0;
  let sequence = 0;
  let tokenURL = '';

  const sendJson = (response: ServerResponse, status: number, body: unknown, pretty = false) => {
    const text = pretty ? JSON.stringify(body, null, 2) : JSON.stringify(body);
    response.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', 'content-length': Buffer.byteLength(text), vary: 'Origin, X-Origin, Referer' });
    response.end(text);
  };

  const tokenServer = await startMockServer(
    (request, response) => {
      const refuse = (error: string, description: string) => sendJson(response, 400, { error, error_description: description });
      const form = new URLSearchParams(request.body);
      if (request.method !== 'POST' || !request.path.startsWith('/token')) return sendJson(response, 404, { error: 'not_found' });
      if (form.get('grant_type') !== jwtBearerGrant) return refuse('unsupported_grant_type', `Invalid grant_type: ${form.get('grant_type') ?? ''}`);
      const problem = checkAssertion(form.get('assertion') ?? '', publicKeys, tokenURL, now());
      if (problem) return refuse(problem.error, problem.description);
      exchanges++;
      const token = `ya29.mock-token-${issuedTokens.length + 1}`;
      issuedTokens.push(token);
      issued.set(token, now() + lifetime * 1000);
      return sendJson(response, 200, { access_token: token, expires_in: lifetime, token_type: 'Bearer' });
    },
    { recordRequests: options.recordRequests, faultBody: () => ({ error: 'internal_failure', error_description: 'mock fault' }) },
  );
  tokenURL = `${tokenServer.url}/token`;

  const authorized = (request: ReceivedRequest): string | undefined => {
    const header = request.headers.authorization;
    if (!header) return missingCredentials;
    const token = /^Bearer (.+)$/.exec(header)?.[1];
    if (token === undefined) return invalidCredentials;
    if (options.accessTokens?.includes(token)) return undefined;
    const expiresAt = issued.get(token);
    return expiresAt !== undefined && now() < expiresAt ? undefined : invalidCredentials;
  };

  const writeEvents = async (response: ServerResponse, context: MockContext, contentType: string, events: string[]) => {
    response.writeHead(200, { 'content-type': contentType, vary: 'Origin, X-Origin, Referer' });
    if (streamDelayMs <= 0) {
      response.end(events.join(''));
      return;
    }
    response.flushHeaders();
    for (const event of events) {
      if (context.signal.aborted) return;
      response.write(event);
      await sleep(streamDelayMs);
    }
    if (!context.signal.aborted) response.end();
  };

  const gemini = async (request: ReceivedRequest, response: ServerResponse, context: MockContext, model: string, method: string) => {
    const body = request.json;
    if (body === undefined || typeof body !== 'object' || Array.isArray(body)) return sendJson(response, 400, googleError(400, 'INVALID_ARGUMENT', 'Invalid JSON payload received.'), true);
    if (!Array.isArray(body.contents) || body.contents.length === 0) {
      return sendJson(response, 400, googleError(400, 'INVALID_ARGUMENT', 'Unable to submit request because it has an empty contents field.'), true);
    }
    // Vertex, unlike the Gemini API, insists on a role on every content.
    if (body.contents.some((content: any) => content?.role !== 'user' && content?.role !== 'model')) {
      return sendJson(response, 400, googleError(400, 'INVALID_ARGUMENT', 'Please use a valid role: user, model.'), true);
    }
    const responseId = `vertexMock${String(sequence).padStart(6, '0')}`;
    const meta = { responseId, modelVersion: model, thoughtSignature: Buffer.from(`mock-signature:${responseId}`).toString('base64') };
    const vertexFields = (payload: Record<string, unknown>) => {
      const usage = payload.usageMetadata as Record<string, unknown> | undefined;
      if (usage) usage.trafficType = 'ON_DEMAND';
      return { ...payload, createTime: new Date(now()).toISOString() };
    };
    const plan = planGoogleReply(body);
    if (method === 'generateContent') return sendJson(response, 200, vertexFields(encodeGoogleResponse(plan, meta)), true);
    const chunks = encodeGoogleStreamChunks(plan, meta).map(vertexFields);
    const sse = new URL(request.path, 'http://mock').searchParams.get('alt') === 'sse';
    const events = sse ? chunks.map(frameGoogleSseEvent) : [`[${chunks.map((chunk) => JSON.stringify(chunk, null, 2)).join(',\r\n')}]`];
    return writeEvents(response, context, sse ? 'text/event-stream' : 'application/json; charset=UTF-8', events);
  };

  const claude = async (request: ReceivedRequest, response: ServerResponse, context: MockContext, model: string) => {
    const body = request.json;
    const requestId = `req_vrtx_${String(sequence).padStart(16, '0')}`;
    const refuse = (status: number, type: string, message: string) => sendJson(response, status, anthropicError(type, message, requestId));
    if (body === undefined || typeof body !== 'object' || Array.isArray(body)) return refuse(400, 'invalid_request_error', 'The body must be a JSON object.');
    if ('model' in body) return refuse(400, 'invalid_request_error', 'model: Extra inputs are not permitted');
    if (body.anthropic_version !== 'vertex-2023-10-16') return refuse(400, 'invalid_request_error', "anthropic_version: Input should be 'vertex-2023-10-16'");
    const { anthropic_version: _version, ...messagesBody } = body;
    const withModel = { ...messagesBody, model };
    const problem = validateAnthropicRequest(withModel, { ...request.headers, 'anthropic-version': '2023-06-01' });
    if (problem) return refuse(problem.status, problem.type, problem.message);
    const plan = planAnthropicReply(withModel, promptCache);
    const meta = { id: `msg_vrtx_${String(sequence).padStart(20, '0')}`, model };
    if (body.stream !== true) return sendJson(response, 200, encodeAnthropicMessage(plan, meta));
    return writeEvents(response, context, 'text/event-stream; charset=utf-8', encodeAnthropicStream(plan, meta));
  };

  const server = await startMockServer(
    async (request, response, context) => {
      sequence++;
      const path = request.path.split('?')[0]!;
      const match = route.exec(path);
      if (request.method !== 'POST' || !match) return sendJson(response, 404, googleError(404, 'NOT_FOUND', `Method not found: ${request.method} ${path}`), true);
      const unauthorized = authorized(request);
      if (unauthorized) return sendJson(response, 401, googleError(401, 'UNAUTHENTICATED', unauthorized), true);
      const [, , project, location, publisher, model, method] = match;
      if (options.projects && !options.projects.includes(project!)) {
        return sendJson(
          response,
          403,
          googleError(403, 'PERMISSION_DENIED', `Permission 'aiplatform.endpoints.predict' denied on resource '//aiplatform.googleapis.com/projects/${project}/locations/${location}/publishers/${publisher}/models/${model}' (or it may not exist).`),
          true,
        );
      }
      if (method === 'predict') {
        if (publisher !== 'google') return sendJson(response, 400, googleError(400, 'FAILED_PRECONDITION', `Method predict is not supported by publisher ${publisher}.`), true);
        return answerVertexPredict(request.json, (status, body) => sendJson(response, status, body, true));
      }
      const geminiMethod = method === 'generateContent' || method === 'streamGenerateContent';
      if ((publisher === 'google') !== geminiMethod) {
        return sendJson(response, 400, googleError(400, 'FAILED_PRECONDITION', `Method ${method} is not supported by publisher ${publisher}.`), true);
      }
      return publisher === 'google' ? gemini(request, response, context, model!, method!) : claude(request, response, context, model!);
    },
    { recordRequests: options.recordRequests, faultBody: vertexFaultBody },
  );

  const close = server.close;
  const reset = server.reset;
  return Object.assign(server, {
    baseURL: server.url,
    tokenURL,
    tokenServer,
    issuedTokens,
    tokenExchanges: () => exchanges,
    reset() {
      reset();
      tokenServer.reset();
      promptCache.clear();
      exchanges = 0;
    },
    async close() {
      await Promise.all([close(), tokenServer.close()]);
    },
  });
}

interface AssertionProblem {
  error: string;
  description: string;
}

/** Google's checks of a JWT bearer assertion, with its error words. */
function checkAssertion(assertion: string, publicKeys: Map<string, KeyObject>, tokenURL: string, nowMs: number): AssertionProblem | undefined {
  const parts = assertion.split('.');
  if (parts.length !== 3) return { error: 'invalid_grant', description: 'Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe.' };
  let header: any;
  let claims: any;
  try {
    header = JSON.parse(Buffer.from(parts[0]!, 'base64url').toString('utf8'));
    claims = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8'));
  } catch {
    return { error: 'invalid_grant', description: 'Invalid JWT: the header or claims are not JSON.' };
  }
  if (header?.alg !== 'RS256') return { error: 'invalid_grant', description: `Invalid JWT: unsupported alg ${String(header?.alg)}.` };
  const publicKey = publicKeys.get(claims?.iss);
  if (!publicKey) return { error: 'invalid_grant', description: 'Invalid grant: account not found' };
  if (!verify('RSA-SHA256', Buffer.from(`${parts[0]}.${parts[1]}`), publicKey, Buffer.from(parts[2]!, 'base64url'))) {
    return { error: 'invalid_grant', description: 'Invalid JWT Signature.' };
  }
  if (claims.aud !== tokenURL) return { error: 'invalid_grant', description: `Invalid JWT: Failed audience check. The expected audience is ${tokenURL}.` };
  const scopes = typeof claims.scope === 'string' ? claims.scope.split(' ') : [];
  if (!scopes.includes(cloudPlatformScope)) return { error: 'invalid_scope', description: 'Invalid OAuth scope or ID token audience provided.' };
  const nowSeconds = Math.floor(nowMs / 1000);
  const skew = 300;
  if (typeof claims.iat !== 'number' || typeof claims.exp !== 'number' || claims.exp <= claims.iat || claims.exp - claims.iat > 3600 || claims.iat > nowSeconds + skew || claims.exp < nowSeconds - skew) {
    return {
      error: 'invalid_grant',
      description: 'Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.',
    };
  }
  return undefined;
}
