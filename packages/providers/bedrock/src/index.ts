import { defineProvider } from '@switchyard/core';
import { bedrockCapabilities } from './bedrock-capabilities.js';
import { createBedrockEmbeddings, generateBedrockImages } from './bedrock-invoke-operations.js';
import { callBedrock } from './call-bedrock.js';
import { decodeBedrockResponse } from './decode-bedrock-response.js';
import { decodeBedrockStream } from './decode-bedrock-stream.js';
import { encodeBedrockRequest } from './encode-bedrock-request.js';
import { readBedrockError } from './map-bedrock-error.js';

/**
 * Environment variables the gateway maps into the default `bedrock` entry (the adapter itself
 * never reads the environment): a Bedrock API key as apiKey, SigV4 keys and the region as options.
 * AWS_DEFAULT_REGION is not read: one variable per setting keeps the mapping predictable.
 */
export const bedrockEnvironment = {
  apiKey: 'AWS_BEARER_TOKEN_BEDROCK',
  options: {
    region: 'AWS_REGION',
    accessKeyId: 'AWS_ACCESS_KEY_ID',
    secretAccessKey: 'AWS_SECRET_ACCESS_KEY',
    sessionToken: 'AWS_SESSION_TOKEN',
  },
} as const;

// Headers worth returning to the client: the id AWS support asks for.
const relayedHeaders = ['x-amzn-requestid'];

/**
 * The AWS Bedrock adapter, over the Converse / ConverseStream API, and InvokeModel for embeddings
 * (Titan, Cohere Embed) and image generation (Titan Image Generator, Nova Canvas). No fixed base URL: it is
 * `https://bedrock-runtime.{region}.amazonaws.com` for the region of the call. Credentials
 * (SigV4 keys or a Bedrock API key) and the region come from the entry's settings or the
 * request's `x-switchyard-aws-*` headers; see resolve-bedrock-auth.ts.
 */
export function createBedrockProvider() {
  return defineProvider({
    id: 'bedrock',
    name: 'AWS Bedrock',
    description: 'Amazon Bedrock Converse API: Claude, Nova, Llama, Mistral, … with SigV4 or Bedrock API keys.',
    models: [
      'us.anthropic.claude-sonnet-4-5-20250929-v1:0',
      'us.anthropic.claude-sonnet-4-20250514-v1:0',
      'us.anthropic.claude-3-7-sonnet-20250219-v1:0',
      'anthropic.claude-3-5-haiku-20241022-v1:0',
      'us.amazon.nova-pro-v1:0',
      'us.amazon.nova-lite-v1:0',
      'us.amazon.nova-micro-v1:0',
      'us.meta.llama3-3-70b-instruct-v1:0',
      'mistral.mistral-large-2407-v1:0',
    ],
    environment: bedrockEnvironment,
    capabilities: bedrockCapabilities,

    chat: {
      async generate(request, context) {
        const encoded = encodeBedrockRequest(request, (warning) => context.warn(warning));
        const response = await callBedrock(context, request.model, JSON.stringify(encoded.body), false);
        if (response.status >= 300) throw await readBedrockError(response);
        const requestId = response.headers['x-amzn-requestid'];
        return decodeBedrockResponse(await response.json(), {
          model: request.model,
          requestId,
          answerToolName: encoded.answerToolName,
          warn: (warning) => context.warn(warning),
        });
      },

      async stream(request, context) {
        const encoded = encodeBedrockRequest(request, (warning) => context.warn(warning));
        const response = await callBedrock(context, request.model, JSON.stringify(encoded.body), true);
        if (response.status >= 300) throw await readBedrockError(response);
        const headers: Record<string, string> = {};
        for (const name of relayedHeaders) if (response.headers[name]) headers[name] = response.headers[name];
        return {
          events: decodeBedrockStream(
            response,
            { model: request.model, requestId: response.headers['x-amzn-requestid'], answerToolName: encoded.answerToolName },
            context.signal,
          ),
          headers,
        };
      },
    },

    embeddings: { create: createBedrockEmbeddings },
    images: { generate: generateBedrockImages },
  });
}

export { signAwsRequest, type AwsCredentials } from './sign-aws-request.js';
export { encodeBedrockRequest, type BedrockStructuredOutputMode } from './encode-bedrock-request.js';
export { decodeBedrockResponse } from './decode-bedrock-response.js';
export { createBedrockStreamDecoder } from './bedrock-stream-decoder.js';
export { readBedrockError } from './map-bedrock-error.js';
export { encodeBedrockEmbeddingRequests } from './encode-bedrock-embedding-requests.js';
export { decodeBedrockEmbeddingResponses } from './decode-bedrock-embedding-responses.js';
export { encodeTitanImageRequest } from './encode-titan-image-request.js';
export { decodeTitanImageResponse } from './decode-titan-image-response.js';
export { bedrockEmbeddingFamily, isTitanImageModel, type BedrockEmbeddingFamily } from './bedrock-embedding-family.js';
