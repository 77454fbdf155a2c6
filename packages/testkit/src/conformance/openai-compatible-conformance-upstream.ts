import { startOpenAICompatibleMock, type OpenAICompatibleMock, type OpenAICompatibleMockOptions } from '../openai-compatible-mock.js';
import type { ConformanceUpstream } from './conformance-upstream.js';
import { mockConformanceUpstream } from './mock-conformance-upstream.js';

/**
 * The generic upstream for adapters of OpenAI-compatible servers: testkit's OpenAI-compatible
 * mock (its quirks set by `options`), the entry's base URL its `/v1` and its key checked.
 */
export function openAICompatibleConformanceUpstream(
  options: OpenAICompatibleMockOptions & { model?: string } = {},
): Promise<ConformanceUpstream & { mock: OpenAICompatibleMock }> {
  const { model = 'conformance-model', ...mockOptions } = options;
  const apiKey = mockOptions.apiKey ?? 'conformance-key';
  return mockConformanceUpstream({
    start: () => startOpenAICompatibleMock({ ...mockOptions, apiKey }),
    settings: (mock) => ({ baseURL: mock.baseURL, apiKey }),
    model,
  });
}
