import type { ProviderAdapter } from '@switchyard/core';
import { createAnthropicProvider } from '@switchyard/provider-anthropic';
import { createMockProvider } from '@switchyard/provider-mock';
import { createOpenAIProvider } from '@switchyard/provider-openai';
import type { RequestRecord } from '@switchyard/server';
import { type AnthropicMock, type OpenAIMock, startAnthropicMock, startOpenAIMock } from '@switchyard/testkit';
import type { EmbeddedProvider, Switchyard } from '../src/index.js';

/** The bundled-like catalog both modes run against: the built-in mock, and OpenAI and Anthropic mocks. */
export interface TestUpstreams {
  openai: OpenAIMock;
  /** An OpenAI mock that streams slowly, for aborts mid-stream. */
  slow: OpenAIMock;
  anthropic: AnthropicMock;
  adapters: ProviderAdapter[];
  providers: Record<string, EmbeddedProvider>;
  close(): Promise<void>;
}

export async function startTestUpstreams(): Promise<TestUpstreams> {
  const openai = await startOpenAIMock({ apiKey: 'sk-openai-upstream' });
  const slow = await startOpenAIMock({ apiKey: 'sk-openai-upstream', streamDelayMs: 100, words: 40 });
  const anthropic = await startAnthropicMock({ apiKey: 'sk-ant-upstream' });
  return {
    openai,
    slow,
    anthropic,
    adapters: [createMockProvider(), createOpenAIProvider(), createAnthropicProvider()],
    providers: {
      'openai-test': { adapter: 'openai', apiKey: 'sk-openai-upstream', baseURL: `${openai.url}/v1` },
      'openai-slow': { adapter: 'openai', apiKey: 'sk-openai-upstream', baseURL: `${slow.url}/v1` },
      claude: { adapter: 'anthropic', apiKey: 'sk-ant-upstream', baseURL: `${anthropic.url}/v1` },
    },
    async close() {
      await Promise.all([openai.close(), slow.close(), anthropic.close()]);
    },
  };
}

/** What the shared contract needs from a mode: a client, the upstream mocks, the gateway's request log. */
export interface ContractSetup {
  client: Switchyard;
  upstreams: TestUpstreams;
  records: RequestRecord[];
}
