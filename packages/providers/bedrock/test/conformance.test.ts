import { serveGatewayForAdapters } from '@switchyard/server';
import { bedrockConformanceUpstream, runConformanceSuite } from '@switchyard/testkit';
import { createBedrockProvider } from '../src/index.js';

// The adapter contract, checked end to end through a real gateway against testkit's mock of the provider.
runConformanceSuite({ adapter: createBedrockProvider(), upstream: bedrockConformanceUpstream, startGateway: serveGatewayForAdapters });
