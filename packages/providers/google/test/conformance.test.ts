import { serveGatewayForAdapters } from '@switchyard/server';
import { googleConformanceUpstream, runConformanceSuite } from '@switchyard/testkit';
import { createGoogleProvider } from '../src/index.js';

// The adapter contract, checked end to end through a real gateway against testkit's mock of the provider.
runConformanceSuite({ adapter: createGoogleProvider(), upstream: googleConformanceUpstream, startGateway: serveGatewayForAdapters });
