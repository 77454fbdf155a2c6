import type { ServerResponse } from 'node:http';
import { createOpenAIEndpointAnswerer } from './answer-openai-endpoint.js';
import { encodeAzureOpenAICompletion, encodeAzureOpenAIStream, type AzureReplyExtras } from './encode-azure-openai-reply.js';
import type { OpenAIReplyMeta } from './encode-openai-reply.js';
import { contentText, lastUserMessage } from './mock-reply-text.js';
import { isJsonObject } from './mock-request.js';
import { startMockServer, type MockContext, type MockServer, type ReceivedRequest } from './mock-server.js';
import { planOpenAIReply } from './plan-openai-reply.js';
import { writeEventStream } from './write-event-stream.js';
import { writeJson } from './write-json.js';

export interface AzureOpenAIMockOptions {
  /** When set, every request must carry `api-key: <apiKey>` (or a bearer `adToken`), else Azure's 401. */
  apiKey?: string;
  /** A Microsoft Entra ID token accepted as `Authorization: Bearer <adToken>`. */
  adToken?: string;
  /** Deployments that exist; others get Azure's 404 DeploymentNotFound. Default: every name exists. */
  deployments?: string[];
  /** api-version values accepted on deployment URLs (default: a few GA and preview versions). */
  apiVersions?: string[];
  /** Size every text reply to exactly this many words (see `planOpenAIReply`). */
  words?: number;
  /** Pause between stream chunks (default 0: the whole stream is written at once). */
  streamDelayMs?: number;
  /** Reasoning tokens reported when a request sets `reasoning_effort` (default 64). */
  reasoningTokens?: number;
  /** Keep requests in `received` (default true); benchmarks turn it off. */
  recordRequests?: boolean;
}

// Azure's OpenAI endpoints on a deployment, and those on the resource (`/openai/{path}`).
const deploymentEndpointRoute = /^\/openai\/deployments\/([^/]+)(\/(?:embeddings|images\/generations|images\/edits|audio\/speech|audio\/transcriptions|audio\/translations|completions))$/;
const resourceEndpointRoute = /^\/openai(\/(?:fine_tuning\/jobs|files|batches)(?:\/.*)?)$/;

export interface AzureOpenAIStreamError {
  /** Chunks sent before the error chunk, the prompt-filter chunk included (default 2). */
  afterChunks?: number;
  error?: { code: string; message: string };
}

export interface AzureOpenAIMock extends MockServer {
  /** `<url>/openai`: the base URL as Portkey's custom_host for Azure has it. */
  baseURL: string;
  /** The next streamed answer sends `afterChunks` chunks, then `data: {"error": …}`, then ends (no [DONE]). */
  streamErrorNext(error?: AzureOpenAIStreamError): void;
}

type AzureErrorBody = { error: Record<string, unknown> };

export function azureOpenAIError(code: string, message: string, extra: Record<string, unknown> = {}): AzureErrorBody {
  return { error: { code, message, ...extra } };
}

export const defaultAzureOpenAIApiVersions = ['2024-06-01', '2024-10-21', '2024-12-01-preview', '2025-01-01-preview', '2025-04-01-preview'];

/** What Azure answers when the prompt trips the content filter (HTTP 400). */
export function azureContentFilterError(): AzureErrorBody {
  return azureOpenAIError(
    'content_filter',
    "The response was filtered due to the prompt triggering Azure OpenAI's content management policy. Please modify your prompt and retry.",
    {
      param: 'prompt',
      status: 400,
      innererror: {
        code: 'ResponsibleAIPolicyViolation',
        content_filter_result: {
          hate: { filtered: true, severity: 'medium' },
          jailbreak: { filtered: false, detected: false },
          self_harm: { filtered: false, severity: 'safe' },
          sexual: { filtered: false, severity: 'safe' },
          violence: { filtered: false, severity: 'safe' },
        },
      },
    },
  );
}

function faultBody(status: number): AzureErrorBody {
  if (status === 429) {
    return azureOpenAIError(
      '429',
      'Requests to the ChatCompletions_Create Operation under Azure OpenAI API version 2024-10-21 have exceeded token rate limit of your current OpenAI S0 pricing tier. Please retry after 6 seconds. (mock fault)',
    );
  }
  if (status >= 500) return azureOpenAIError('InternalServerError', `The server had an error while processing your request. (mock fault ${status})`);
  return azureOpenAIError(String(status), `Mock fault: HTTP ${status}.`);
}

const deploymentRoute = /^\/openai\/deployments\/([^/]+)\/chat\/completions$/;
// The prompt a test sends to be blocked by the content filter.
const contentFilterTrigger = 'trigger the content filter';

/**
 * A loopback server speaking Azure OpenAI Chat Completions on a deployment
 * (`POST /openai/deployments/{deployment}/chat/completions?api-version=…`) and on the v1 API
 * (`POST /openai/v1/chat/completions`, the deployment in `model`). Replies follow
 * `planOpenAIReply`, with Azure's annotations: `prompt_filter_results`, per-choice
 * `content_filter_results`, and a first stream chunk carrying only the prompt results. Like
 * Azure: a deployment URL without api-version is a 404 "Resource not found", an unknown version a
 * 400, an unknown deployment a 404 DeploymentNotFound, a bad key a 401; a user text containing
 * "trigger the content filter" gets the 400 `content_filter` error. `reasoning_effort` adds
 * reasoning tokens to the usage. Faults and recorded replays come from the base server.
 */
export async function startAzureOpenAIMock(options: AzureOpenAIMockOptions = {}): Promise<AzureOpenAIMock> {
  let sequence = 0;
  const streamErrors: AzureOpenAIStreamError[] = [];
  const apiVersions = options.apiVersions ?? defaultAzureOpenAIApiVersions;

  const sendJson = (response: ServerResponse, status: number, body: object, requestId: string) =>
    writeJson(response, status, body, { 'apim-request-id': requestId, 'x-ms-region': 'Mock Region' });

  const chat = async (request: ReceivedRequest, response: ServerResponse, context: MockContext, deployment: string, requestId: string) => {
    const body = request.json;
    if (!isJsonObject(body)) {
      return sendJson(response, 400, azureOpenAIError('BadRequest', 'Failed to parse the request body as JSON.'), requestId);
    }
    if (!Array.isArray(body.messages) || body.messages.length === 0) {
      return sendJson(response, 400, azureOpenAIError('BadRequest', "'messages' is a required property", { param: 'messages' }), requestId);
    }
    if (contentText(lastUserMessage(body.messages)?.content).toLowerCase().includes(contentFilterTrigger)) {
      return sendJson(response, 400, azureContentFilterError(), requestId);
    }
    const plan = planOpenAIReply(body, { words: options.words });
    const meta: OpenAIReplyMeta = {
      id: `chatcmpl-azuremock${String(sequence).padStart(6, '0')}`,
      created: Math.floor(Date.now() / 1000),
      // Azure answers with the deployed model's own name; the mock names the deployment.
      model: deployment,
      systemFingerprint: 'fp_azuremock',
    };
    const extras: AzureReplyExtras = body.reasoning_effort != null ? { reasoningTokens: options.reasoningTokens ?? 64 } : {};
    if (body.stream !== true) return sendJson(response, 200, encodeAzureOpenAICompletion(plan, meta, extras), requestId);

    let frames = encodeAzureOpenAIStream(plan, meta, body.stream_options?.include_usage === true, extras);
    const streamError = streamErrors.shift();
    if (streamError) {
      frames = frames.slice(0, streamError.afterChunks ?? 2);
      frames.push(`data: ${JSON.stringify({ error: streamError.error ?? { code: 'InternalServerError', message: 'The server had an error while processing your request.' } })}\n\n`);
    }
    response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'apim-request-id': requestId, 'x-ms-region': 'Mock Region' });
    await writeEventStream(response, frames, { delayMs: options.streamDelayMs ?? 0, signal: context.signal });
  };

  const endpoints = createOpenAIEndpointAnswerer({
    sendJson: (response, status, body) => sendJson(response, status, body, `endpoint-${sequence}`),
    error: (message, param) => azureOpenAIError('BadRequest', message, param ? { param } : {}),
  });

  const server = await startMockServer(
    async (request, response, context) => {
      sequence++;
      const requestId = `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`;
      const url = new URL(request.path, 'http://mock');

      if (options.apiKey !== undefined || options.adToken !== undefined) {
        const bearer = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '')?.[1];
        if (bearer !== undefined) {
          if (bearer !== options.adToken) {
            return writeJson(response, 401, {
              statusCode: 401,
              message: 'Unauthorized. Access token is missing, invalid, audience is incorrect (https://cognitiveservices.azure.com), or have expired.',
            });
          }
        } else if (request.headers['api-key'] === undefined || request.headers['api-key'] !== options.apiKey) {
          return sendJson(response, 401, azureOpenAIError(
            '401',
            'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.',
          ), requestId);
        }
      }

      if (request.method === 'POST' && url.pathname === '/openai/v1/chat/completions') {
        const version = url.searchParams.get('api-version');
        if (version !== null && version !== 'preview' && version !== 'latest') {
          return sendJson(response, 400, azureOpenAIError('BadRequest', 'API version not supported'), requestId);
        }
        const deployment = request.json?.model;
        if (typeof deployment !== 'string' || deployment === '') {
          return sendJson(response, 400, azureOpenAIError('BadRequest', "'model' is a required property", { param: 'model' }), requestId);
        }
        if (options.deployments && !options.deployments.includes(deployment)) return deploymentNotFound(response, requestId);
        return chat(request, response, context, deployment, requestId);
      }

      const match = deploymentRoute.exec(url.pathname);
      if (request.method === 'POST' && match) {
        const version = url.searchParams.get('api-version');
        // Azure's answer to a deployment URL without api-version: a bare 404.
        if (version === null) return sendJson(response, 404, azureOpenAIError('404', 'Resource not found'), requestId);
        if (!apiVersions.includes(version)) {
          return sendJson(response, 400, azureOpenAIError('BadRequest', 'API version not supported'), requestId);
        }
        const deployment = decodeURIComponent(match[1]!);
        if (options.deployments && !options.deployments.includes(deployment)) return deploymentNotFound(response, requestId);
        return chat(request, response, context, deployment, requestId);
      }
      const endpoint = deploymentEndpointRoute.exec(url.pathname);
      const resource = endpoint ? undefined : resourceEndpointRoute.exec(url.pathname);
      if (endpoint || resource) {
        const version = url.searchParams.get('api-version');
        if (version === null) return sendJson(response, 404, azureOpenAIError('404', 'Resource not found'), requestId);
        if (!apiVersions.includes(version)) return sendJson(response, 400, azureOpenAIError('BadRequest', 'API version not supported'), requestId);
        const deployment = endpoint ? decodeURIComponent(endpoint[1]!) : undefined;
        if (deployment && options.deployments && !options.deployments.includes(deployment)) return deploymentNotFound(response, requestId);
        if (await endpoints.answer(request, response, endpoint ? endpoint[2]! : resource![1]!, deployment)) return;
      }
      if (url.pathname.startsWith('/openai/v1/') && (await endpoints.answer(request, response, url.pathname.slice('/openai/v1'.length)))) return;
      return sendJson(response, 404, azureOpenAIError('404', 'Resource not found'), requestId);
    },
    { recordRequests: options.recordRequests, faultBody },
  );

  function deploymentNotFound(response: ServerResponse, requestId: string) {
    return sendJson(response, 404, azureOpenAIError(
      'DeploymentNotFound',
      'The API deployment for this resource does not exist. If you created the deployment within the last 5 minutes, please wait a moment and try again.',
    ), requestId);
  }

  return Object.assign(server, {
    baseURL: `${server.url}/openai`,
    streamErrorNext: (error: AzureOpenAIStreamError = {}) => void streamErrors.push(error),
  });
}

export { azurePromptFilterResults, azureContentFilterResults, encodeAzureOpenAICompletion, encodeAzureOpenAIStream, type AzureReplyExtras } from './encode-azure-openai-reply.js';
