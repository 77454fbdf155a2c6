import { serveGatewayForAdapters } from '@switchyard/server';
import { cohereConformanceUpstream, runConformanceSuite } from '@switchyard/testkit';
import { createCohereProvider } from '../src/index.js';

// The adapter contract, checked end to end through a real gateway against testkit's mock of the provider.
runConformanceSuite({ adapter: createCohereProvider(), upstream: cohereConformanceUpstream, startGateway: serveGatewayForAdapters });
