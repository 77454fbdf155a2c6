import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidRequestError } from '../errors/invalid-request-error.js';
import { HttpClient } from './http-client.js';

describe('HttpClient with a connect guard', () => {
  const server = createServer((_request, response) => response.end('ok'));
  let port = 0;
  let connections = 0;
  server.on('connection', () => connections++);
  beforeAll(async () => {
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => server.close());

  it('refuses a host name whose resolved address the guard rejects, before any socket opens', async () => {
    const seen: string[] = [];
    const client = new HttpClient({ mayConnect: (hostname, address) => (seen.push(`${hostname}=${address}`), false) });
    const before = connections;
    const failure = await client.request({ url: `http://localhost:${port}/`, provider: 'test' }).catch((error: unknown) => error);
    expect(InvalidRequestError.isInstance(failure)).toBe(true);
    expect((failure as InvalidRequestError).code).toBe('host_not_allowed');
    expect((failure as Error).message).toMatch(/localhost resolves to (127\.0\.0\.1|::1)/);
    expect(seen[0]).toMatch(/^localhost=/);
    expect(connections).toBe(before);
    await client.close();
  });

  it('connects when the guard accepts the address', async () => {
    const client = new HttpClient({ mayConnect: (_hostname, address) => address === '127.0.0.1' || address === '::1' });
    const response = await client.request({ url: `http://localhost:${port}/`, provider: 'test' }).catch((error: unknown) => error);
    // localhost may resolve to ::1 first where the server only listens on IPv4; either way the guard let it through.
    if (response instanceof Error) expect(InvalidRequestError.isInstance(response)).toBe(false);
    else expect(await (response as { text(): Promise<string> }).text()).toBe('ok');
    await client.close();
  });
});
