import { serveGatewayForAdapters } from '@switchyard/server';
import { runConformanceSuite } from '@switchyard/testkit';
import { createTgiProvider } from '../src/index.js';
import { startTgiMock } from './tgi-mock.js';

// The adapter contract through a real gateway against a mock TGI; tool checks are reported
// as skipped because TGI's native API has no tool calls.
runConformanceSuite({ adapter: createTgiProvider(), upstream: startTgiMock, startGateway: serveGatewayForAdapters });
