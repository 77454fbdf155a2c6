import { serveGatewayForAdapters } from '@switchyard/server';
import { openAIConformanceUpstream, runConformanceSuite } from '@switchyard/testkit';
import { createOpenAIProvider } from '../src/index.js';

// The adapter contract, checked end to end through a real gateway against testkit's OpenAI mock.
runConformanceSuite({ adapter: createOpenAIProvider(), upstream: openAIConformanceUpstream, startGateway: serveGatewayForAdapters });
