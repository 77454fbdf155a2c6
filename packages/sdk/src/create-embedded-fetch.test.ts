import { createOpenAIProvider } from '@switchyard/provider-openai';
import { type OpenAIMock, startOpenAIMock } from '@switchyard/testkit';
import { afterAll, beforeAll, beforeEach, expect, it, vi } from 'vitest';
import { createEmbeddedFetch } from './create-embedded-fetch.js';
import { type EmbeddedGateway, createEmbeddedGateway } from './create-embedded-gateway.js';

// Uploads through the in-process fetch stream as the express host streams them: the provider
// gets the first bytes before the client has produced the rest.
let upstream: OpenAIMock;
let gateway: EmbeddedGateway;
let embeddedFetch: typeof fetch;

beforeAll(async () => {
  upstream = await startOpenAIMock({ apiKey: 'sk-upstream' });
  gateway = createEmbeddedGateway({
    adapters: [createOpenAIProvider()],
    providers: { up: { adapter: 'openai', apiKey: 'sk-upstream', baseURL: upstream.baseURL } },
    defaultProvider: 'up',
  });
  embeddedFetch = createEmbeddedFetch(gateway.handler);
});
beforeEach(() => upstream.reset());
afterAll(async () => {
  await gateway?.close();
  await upstream?.close();
});

const boundary = 'sdk-embedded-upload';
const fileBytes = Buffer.from(Array.from({ length: 64 * 1024 }, (_, index) => index % 251));
const head = Buffer.concat([
  Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="purpose"\r\n\r\nbatch\r\n`),
  Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`),
  fileBytes.subarray(0, 1024),
]);
const tail = Buffer.concat([fileBytes.subarray(1024), Buffer.from(`\r\n--${boundary}--\r\n`)]);

/** A body that sends its head, then waits for `gate` before sending the rest. */
function gatedBody(gate: () => Promise<void>, onCancel?: () => void): ReadableStream<Uint8Array> {
  let step = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      step++;
      if (step === 1) controller.enqueue(new Uint8Array(head));
      else if (step === 2) {
        await gate();
        controller.enqueue(new Uint8Array(tail));
      } else controller.close();
    },
    cancel: onCancel,
  });
}

const post = (body: ReadableStream<Uint8Array>, signal?: AbortSignal, through = embeddedFetch) =>
  through('http://switchyard.embedded/v1/files', {
    method: 'POST',
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    body,
    signal,
    duplex: 'half',
  } as RequestInit);

it('streams an upload to the provider as it is produced', async () => {
  // A buffering fetch would wait for the whole body first, and the gate would never open.
  const body = gatedBody(() => vi.waitFor(() => expect(upstream.bodyBytesReceived()).toBeGreaterThanOrEqual(head.byteLength), { timeout: 10_000, interval: 10 }));
  const response = await post(body);
  expect(response.status).toBe(200);
  const file = (await response.json()) as { id: string; bytes: number; filename: string };
  expect(file).toMatchObject({ bytes: fileBytes.byteLength, filename: 'big.bin' });
  expect(Buffer.from(upstream.received[0]!.raw).equals(Buffer.concat([head, tail]))).toBe(true);

  // And the download streams back, byte for byte.
  const content = await embeddedFetch(`http://switchyard.embedded/v1/files/${file.id}/content`);
  expect(Buffer.from(await content.arrayBuffer()).equals(fileBytes)).toBe(true);
});

it('aborting mid-upload aborts the upstream call and cancels the body', async () => {
  // Its own upstream and gateway, so the upload's is the only connection to watch.
  const lone = await startOpenAIMock({ apiKey: 'sk-upstream' });
  const loneGateway = createEmbeddedGateway({
    adapters: [createOpenAIProvider()],
    providers: { up: { adapter: 'openai', apiKey: 'sk-upstream', baseURL: lone.baseURL } },
    defaultProvider: 'up',
  });
  try {
    const controller = new AbortController();
    let markCancelled!: () => void;
    const cancelled = new Promise<string>((resolve) => (markCancelled = () => resolve('cancelled')));
    const body = gatedBody(
      async () => {
        await vi.waitFor(() => expect(lone.bodyBytesReceived()).toBeGreaterThanOrEqual(head.byteLength), { timeout: 10_000, interval: 10 });
        expect(lone.openConnections()).toBe(1);
        controller.abort();
        // The rest never comes: the abort must end the call on its own.
        await new Promise(() => {});
      },
      () => markCancelled(),
    );
    await expect(post(body, controller.signal, createEmbeddedFetch(loneGateway.handler))).rejects.toMatchObject({ name: 'AbortError' });
    await expect(lone.waitForOpenConnections(0, 10_000)).resolves.toBe(0);
    await expect(Promise.race([cancelled, new Promise((resolve) => setTimeout(resolve, 10_000, 'not cancelled'))])).resolves.toBe('cancelled');
    expect(lone.received).toEqual([]);
  } finally {
    await loneGateway.close();
    await lone.close();
  }
});
