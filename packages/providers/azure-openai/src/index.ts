import { type HttpResponse, UpstreamError, defineProvider, readJsonAnswer} from '@switchyard/core';
import { askStreamUsage, openAIChatCodec } from '@switchyard/formats';
import { withAzureContentFilters } from './azure-content-filter-results.js';
import { azureOpenAICapabilities } from './azure-openai-capabilities.js';
import { proxyAzureOpenAI } from './azure-openai-proxy.js';
import { readAzureOpenAIRequestSettings } from './azure-openai-request-settings.js';
import { callAzureChatCompletions } from './call-azure-chat-completions.js';
import { decodeAzureOpenAIStream } from './decode-azure-openai-stream.js';
import { mapAzureOpenAIError } from './map-azure-openai-error.js';
import { rewriteAzurePassthroughBody } from './rewrite-azure-passthrough-body.js';

/** Upstream headers worth returning with a translated stream: request ids and rate limits. */
function relayedHeaders(headers: Record<string, string>): Record<string, string> {
  const relayed: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (name === 'apim-request-id' || name === 'x-request-id' || name.startsWith('x-ratelimit-') || name === 'x-ms-region') relayed[name] = value;
  }
  return relayed;
}


/**
 * The Azure OpenAI adapter: Chat Completions on a deployment
 * (`{base}/deployments/{deployment}/chat/completions?api-version=…`) or on the v1 API
 * (`{base}/v1/chat/completions`), forwarded byte for byte for Chat Completions clients and
 * translated through the OpenAI codec for the others. See azure-openai-request-settings.ts for
 * where the resource, deployment and API version come from, azure-openai-headers.ts for auth.
 */
export function createAzureOpenAIProvider() {
  return defineProvider({
    id: 'azure-openai',
    name: 'Azure OpenAI',
    aliases: ['azure'],
    nativeFormat: 'openai-chat',
    environment: {
      apiKey: 'AZURE_OPENAI_API_KEY',
      // The Azure SDKs' endpoint (`https://{resource}.openai.azure.com`); `/openai` is added when missing.
      baseURL: 'AZURE_OPENAI_ENDPOINT',
      options: { resourceName: 'AZURE_OPENAI_RESOURCE_NAME', apiVersion: 'AZURE_OPENAI_API_VERSION' },
    },
    capabilities: azureOpenAICapabilities,

    async passthrough(request, context) {
      const target = readAzureOpenAIRequestSettings(context, request.model);
      const response = await callAzureChatCompletions(context, target, rewriteAzurePassthroughBody(request, target), request.stream);
      return { status: response.status, headers: response.headers, body: response.body, dispose: () => response.dispose() };
    },

    proxy: proxyAzureOpenAI,

    chat: {
      async generate(request, context) {
        const target = readAzureOpenAIRequestSettings(context, request.model);
        const encoded = openAIChatCodec.encodeRequest({ ...request, model: target.v1 ? target.deployment : request.model, stream: false });
        encoded.warnings.forEach(context.warn);
        const response = await callAzureChatCompletions(context, target, JSON.stringify(encoded.body), false);
        if (response.status >= 300) throw await mapAzureOpenAIError(response);
        const body = await readJsonAnswer(response, 'azure-openai', 'Azure OpenAI');
        return withAzureContentFilters(openAIChatCodec.decodeResponse(body), body);
      },

      async stream(request, context) {
        const target = readAzureOpenAIRequestSettings(context, request.model);
        const encoded = openAIChatCodec.encodeRequest({ ...request, model: target.v1 ? target.deployment : request.model, stream: true });
        encoded.warnings.forEach(context.warn);
        const body = askStreamUsage(encoded.body);
        const response = await callAzureChatCompletions(context, target, JSON.stringify(body), true);
        if (response.status >= 300) throw await mapAzureOpenAIError(response);
        return { events: decodeAzureOpenAIStream(response, context.signal), headers: relayedHeaders(response.headers) };
      },
    },
  });
}

export { azureOpenAICapabilities } from './azure-openai-capabilities.js';
export {
  defaultAzureOpenAIApiVersion,
  readAzureOpenAIRequestSettings,
  readAzureOpenAIAuthMode,
  readAzureAdToken,
  type AzureOpenAIRequestSettings,
  type AzureOpenAIAuthMode,
} from './azure-openai-request-settings.js';
export { azureOpenAIHeaders } from './azure-openai-headers.js';
export { mapAzureOpenAIError, describeAzureOpenAIErrorBody } from './map-azure-openai-error.js';
export {
  azureOpenAIMetadataKey,
  readAzureContentFilters,
  withAzureContentFilters,
  type AzureContentFilterMetadata,
} from './azure-content-filter-results.js';
export {
  createAzureOpenAIStreamDecoderState,
  decodeAzureOpenAIStreamEvent,
  endAzureOpenAIStreamDecoder,
  type AzureOpenAIStreamDecoderState,
} from './azure-openai-stream-decoder.js';
export { decodeAzureOpenAIStream } from './decode-azure-openai-stream.js';
