import { HttpClient } from '@switchyard/core';
import { ProviderCatalog, createHostAllowList } from '@switchyard/router';
import { type RequestRecord, type ServingGateway, serveGateway } from '@switchyard/server';
import { afterAll, beforeAll } from 'vitest';
import { Switchyard } from '../src/index.js';
import { describeEndpointsContract } from './endpoints-contract.js';
import { describeSdkContract } from './sdk-contract.js';
import { type TestUpstreams, startTestUpstreams } from './test-upstreams.js';

// The shared contract against a real gateway on a loopback port (the express host around the handler).
let upstreams: TestUpstreams;
let gateway: ServingGateway;
let http: HttpClient;
let client: Switchyard;
const records: RequestRecord[] = [];

beforeAll(async () => {
  upstreams = await startTestUpstreams();
  const catalog = new ProviderCatalog();
  for (const adapter of upstreams.adapters) catalog.registerAdapter(adapter);
  for (const [slug, entry] of Object.entries(upstreams.providers)) catalog.addEntry(slug, entry.adapter, { apiKey: entry.apiKey, baseURL: entry.baseURL });
  http = new HttpClient();
  gateway = await serveGateway({
    catalog,
    hostAllowList: createHostAllowList(),
    http,
    defaultProvider: 'mock',
    onRequestComplete: (record) => records.push(structuredClone(record)),
    host: '127.0.0.1',
    port: 0,
  });
  client = new Switchyard({ baseURL: `${gateway.url}/v1`, maxRetries: 0 });
});
afterAll(async () => {
  await gateway?.close();
  await http?.close();
  await upstreams?.close();
});

describeSdkContract('remote', () => ({ client, upstreams, records }));
describeEndpointsContract('remote', () => ({ client, upstreams, records }));
