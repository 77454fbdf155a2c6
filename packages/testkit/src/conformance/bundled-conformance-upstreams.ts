import { startAnthropicMock } from '../anthropic-mock.js';
import { startAzureOpenAIMock } from '../azure-openai-mock.js';
import { startBedrockMock } from '../bedrock-mock.js';
import { startCohereMock } from '../cohere-mock.js';
import { startGoogleMock } from '../google-mock.js';
import { startOllamaMock } from '../ollama-mock.js';
import { startOpenAIMock } from '../openai-mock.js';
import { startVertexMock } from '../vertex-mock.js';
import type { ConformanceUpstream } from './conformance-upstream.js';
import { mockConformanceUpstream } from './mock-conformance-upstream.js';

// The conformance upstreams of the bundled adapters: each of testkit's provider mocks with a
// credential it checks, and the settings an entry needs to reach it.
const apiKey = 'conformance-key';

export const openAIConformanceUpstream = (): Promise<ConformanceUpstream> =>
  mockConformanceUpstream({ start: () => startOpenAIMock({ apiKey }), model: 'gpt-4o-mini' });

export const anthropicConformanceUpstream = (): Promise<ConformanceUpstream> =>
  mockConformanceUpstream({ start: () => startAnthropicMock({ apiKey }), model: 'claude-sonnet-4-5' });

export const googleConformanceUpstream = (): Promise<ConformanceUpstream> =>
  mockConformanceUpstream({ start: () => startGoogleMock({ apiKey }), model: 'gemini-2.5-flash' });

export const cohereConformanceUpstream = (): Promise<ConformanceUpstream> =>
  mockConformanceUpstream({ start: () => startCohereMock({ apiKey, models: ['command-a-03-2025'] }), model: 'command-a-03-2025' });

export const azureOpenAIConformanceUpstream = (): Promise<ConformanceUpstream> =>
  mockConformanceUpstream({ start: () => startAzureOpenAIMock({ apiKey, deployments: ['gpt-4o'] }), model: 'gpt-4o' });

export const ollamaConformanceUpstream = (): Promise<ConformanceUpstream> =>
  mockConformanceUpstream({
    start: () => startOllamaMock({ models: ['llama3.2'] }),
    settings: (mock) => ({ baseURL: mock.baseURL }),
    model: 'llama3.2',
    streamHeaders: { 'content-type': 'application/x-ndjson' },
  });

export function bedrockConformanceUpstream(): Promise<ConformanceUpstream> {
  const keys = { accessKeyId: 'AKIACONFORMANCE', secretAccessKey: 'conformance/Secret', region: 'us-east-1' };
  const model = 'anthropic.claude-3-5-sonnet-20240620-v1:0';
  return mockConformanceUpstream({
    start: () => startBedrockMock({ ...keys, models: [model] }),
    settings: (mock) => ({ baseURL: mock.baseURL, options: keys }),
    model,
    streamHeaders: { 'content-type': 'application/vnd.amazon.eventstream' },
  });
}

export function vertexConformanceUpstream(): Promise<ConformanceUpstream> {
  const token = 'ya29.conformance-token';
  return mockConformanceUpstream({
    start: () => startVertexMock({ accessTokens: [token], projects: ['conformance-project'] }),
    settings: (mock) => ({ apiKey: token, baseURL: mock.baseURL, options: { project: 'conformance-project', location: 'us-central1' } }),
    model: 'gemini-2.5-flash',
  });
}
