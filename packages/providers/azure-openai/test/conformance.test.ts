import { serveGatewayForAdapters } from '@switchyard/server';
import { azureOpenAIConformanceUpstream, runConformanceSuite } from '@switchyard/testkit';
import { createAzureOpenAIProvider } from '../src/index.js';

// The adapter contract, checked end to end through a real gateway against testkit's mock of the provider.
runConformanceSuite({ adapter: createAzureOpenAIProvider(), upstream: azureOpenAIConformanceUpstream, startGateway: serveGatewayForAdapters });
