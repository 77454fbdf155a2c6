import type { RequestRecord } from '@switchyard/server';
import { parseConfig } from '../src/load-config.js';
import { type RunningGateway, startGateway } from '../src/create-gateway.js';
import type { GatewayConfigInput } from '../src/gateway-config.js';

export interface TestGateway extends RunningGateway {
  records: RequestRecord[];
}

/** A real gateway on a loopback port, with the request log captured for assertions. */
export async function startTestGateway(config: GatewayConfigInput = {}, env: NodeJS.ProcessEnv = {}): Promise<TestGateway> {
  const records: RequestRecord[] = [];
  const gateway = await startGateway({
    config: parseConfig({ responses: { store: 'memory' }, files: { store: 'memory' }, logs: { store: 'memory' }, ...config }, env),
    env,
    host: '127.0.0.1',
    port: 0,
    onRequestComplete: (record) => records.push(structuredClone(record)),
  });
  return Object.assign(gateway, { records });
}
