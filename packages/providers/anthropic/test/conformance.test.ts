import { serveGatewayForAdapters } from '@switchyard/server';
import { anthropicConformanceUpstream, runConformanceSuite } from '@switchyard/testkit';
import { createAnthropicProvider } from '../src/index.js';

// The adapter contract, checked end to end through a real gateway against testkit's mock of the provider.
runConformanceSuite({ adapter: createAnthropicProvider(), upstream: anthropicConformanceUpstream, startGateway: serveGatewayForAdapters });
