import { serveGatewayForAdapters } from '@switchyard/server';
import { vertexConformanceUpstream, runConformanceSuite } from '@switchyard/testkit';
import { createVertexProvider } from '../src/index.js';

// The adapter contract, checked end to end through a real gateway against testkit's mock of the provider.
runConformanceSuite({ adapter: createVertexProvider(), upstream: vertexConformanceUpstream, startGateway: serveGatewayForAdapters });
