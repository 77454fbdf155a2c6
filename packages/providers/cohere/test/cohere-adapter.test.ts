import type { ChatRequest } from '@switchyard/core';
import { type CohereMock, type TestCallContext, collectStreamEvents, createTestCallContext, startCohereMock } from '@switchyard/testkit';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCohereProvider } from '../src/index.js';

// The adapter on its own against the Cohere mock: what no client format carries (documents in,
// citations out) goes through providerOptions.cohere and providerMetadata.cohere.
describe('the Cohere adapter with documents', () => {
  const adapter = createCohereProvider();
  let mock: CohereMock;
  let testCall: TestCallContext;

  beforeAll(async () => {
    mock = await startCohereMock({ apiKey: 'co-key' });
  });
  afterAll(async () => {
    await mock.close();
  });
  beforeEach(() => {
    mock.reset();
    testCall = createTestCallContext({ settings: { apiKey: 'co-key', baseURL: mock.baseURL } });
  });
  afterEach(() => testCall.close());

  const context = () => testCall.context;

  const request: ChatRequest = {
    model: 'command-a-03-2025',
    stream: false,
    messages: [{ role: 'user', content: [{ type: 'text', text: 'where is Paris?' }] }],
    providerOptions: { cohere: { documents: [{ id: 'doc-1', data: { text: 'Paris is in France.' } }], citation_options: { mode: 'ACCURATE' } } },
  };
  const citation = {
    start: 0,
    end: 4,
    text: 'echo',
    sources: [{ type: 'document', id: 'doc-1', document: { id: 'doc-1', text: 'Paris is in France.' } }],
    type: 'TEXT_CONTENT',
    content_index: 0,
  };

  it('sends documents verbatim and keeps the citations of the answer', async () => {
    const response = await adapter.chat.generate(request, context());
    expect(mock.received[0]!.json).toMatchObject({ documents: [{ id: 'doc-1', data: { text: 'Paris is in France.' } }], citation_options: { mode: 'ACCURATE' } });
    expect(response.providerMetadata).toEqual({ cohere: { citations: [citation] } });
    expect(testCall.warnings).toEqual([]);
  });

  it('collects streamed citations into the finish', async () => {
    const started = await adapter.chat.stream({ ...request, stream: true }, context());
    const events = await collectStreamEvents(started.events);
    expect(started.headers).toMatchObject({ 'x-debug-trace-id': expect.stringMatching(/^mock-trace-/) });
    expect(events.at(-1)).toMatchObject({ type: 'finish', providerMetadata: { cohere: { citations: [citation] } } });
  });
});
