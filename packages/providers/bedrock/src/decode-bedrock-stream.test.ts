import { type HttpResponse, type StreamEvent, TimeoutError, encodeAwsEventStreamMessage } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { decodeBedrockStream } from './decode-bedrock-stream.js';

function response(chunks: Uint8Array[], failure?: Error): HttpResponse & { disposed: boolean } {
  const fake = {
    status: 200,
    headers: {},
    disposed: false,
    body: (async function* () {
      yield* chunks;
      if (failure) throw failure;
    })(),
    text: async () => '',
    bytes: async () => new Uint8Array(0),
    json: async () => undefined,
    dispose: () => {
      fake.disposed = true;
    },
  };
  return fake;
}

const frame = (eventType: string, payload: object) =>
  encodeAwsEventStreamMessage({ ':event-type': eventType, ':content-type': 'application/json', ':message-type': 'event' }, JSON.stringify(payload));

async function collect(source: AsyncIterable<StreamEvent>): Promise<StreamEvent[]> {
  const events: StreamEvent[] = [];
  for await (const event of source) events.push(event);
  return events;
}

const options = { model: 'm', requestId: 'r' };

describe('decodeBedrockStream', () => {
  it('decodes a whole stream and frees the connection', async () => {
    const body = response([
      frame('messageStart', { role: 'assistant' }),
      frame('contentBlockDelta', { contentBlockIndex: 0, delta: { text: 'hi' } }),
      frame('messageStop', { stopReason: 'end_turn' }),
      frame('metadata', { usage: { inputTokens: 1, outputTokens: 1, totalTokens: 2 } }),
    ]);
    const events = await collect(decodeBedrockStream(body, options, new AbortController().signal));
    expect(events.map((event) => event.type)).toEqual(['start', 'text-delta', 'finish']);
    expect(body.disposed).toBe(true);
  });

  it('ends with an error event on a corrupt frame', async () => {
    const corrupt = frame('messageStart', { role: 'assistant' }).slice();
    corrupt[corrupt.length - 6]! ^= 0xff;
    const events = await collect(decodeBedrockStream(response([corrupt]), options, new AbortController().signal));
    expect(events).toEqual([{ type: 'error', error: expect.objectContaining({ kind: 'upstream', status: 502, message: expect.stringMatching(/CRC mismatch/) }) }]);
  });

  it('ends with the error of a stalled or broken body', async () => {
    const stalled = response([frame('messageStart', { role: 'assistant' })], new TimeoutError('bedrock sent nothing for 300000 ms'));
    const events = await collect(decodeBedrockStream(stalled, options, new AbortController().signal));
    expect(events.at(-1)).toEqual({ type: 'error', error: expect.objectContaining({ kind: 'timeout', provider: 'bedrock' }) });
  });

  it('rethrows when the client itself aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const body = response([], new Error('aborted'));
    await expect(collect(decodeBedrockStream(body, options, controller.signal))).rejects.toThrow('aborted');
    expect(body.disposed).toBe(true);
  });
});
