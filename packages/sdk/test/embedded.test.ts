import type { RequestRecord } from '@switchyard/server';
import { afterAll, beforeAll } from 'vitest';
import { Switchyard } from '../src/index.js';
import { describeEndpointsContract } from './endpoints-contract.js';
import { describeSdkContract } from './sdk-contract.js';
import { type TestUpstreams, startTestUpstreams } from './test-upstreams.js';

// The shared contract with the gateway handler in this process: the client's fetch calls it directly.
let upstreams: TestUpstreams;
let client: Switchyard;
const records: RequestRecord[] = [];

beforeAll(async () => {
  upstreams = await startTestUpstreams();
  client = Switchyard.embedded({
    adapters: upstreams.adapters,
    providers: upstreams.providers,
    defaultProvider: 'mock',
    maxRetries: 0,
    onRequestComplete: (record) => records.push(structuredClone(record)),
  });
});
afterAll(async () => {
  await client?.close();
  await upstreams?.close();
});

describeSdkContract('embedded', () => ({ client, upstreams, records }));
describeEndpointsContract('embedded', () => ({ client, upstreams, records }));
