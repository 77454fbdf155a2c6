import { serveGatewayForAdapters } from '@switchyard/server';
import { openAICompatibleConformanceUpstream, runConformanceSuite } from '@switchyard/testkit';
import { createMistralProvider } from '../src/index.js';

// The adapter contract through a real gateway, against the OpenAI-compatible mock playing Mistral:
// flat error bodies, thinking chunks, usage in the finish chunk, whole tool calls with 9-character ids.
runConformanceSuite({
  adapter: createMistralProvider(),
  upstream: () =>
    openAICompatibleConformanceUpstream({
      model: 'mistral-small-latest',
      errorStyle: 'mistral',
      reasoningField: 'thinking-chunks',
      usageInStream: 'finish-chunk',
      toolCallsWithoutIndex: true,
      toolCallIdPattern: /^[a-zA-Z0-9]{9}$/,
      refuseFields: ['max_completion_tokens', 'seed', 'stream_options', 'user', 'store', 'logprobs', 'messages.name'],
    }),
  startGateway: serveGatewayForAdapters,
});
