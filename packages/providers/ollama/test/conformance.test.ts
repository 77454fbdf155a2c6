import { serveGatewayForAdapters } from '@switchyard/server';
import { ollamaConformanceUpstream, runConformanceSuite } from '@switchyard/testkit';
import { createOllamaProvider } from '../src/index.js';

// The adapter contract, checked end to end through a real gateway against testkit's mock of the provider.
runConformanceSuite({ adapter: createOllamaProvider(), upstream: ollamaConformanceUpstream, startGateway: serveGatewayForAdapters });
