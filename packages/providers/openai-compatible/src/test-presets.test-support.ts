import type { ChatCapabilities } from '@switchyard/core';
import type { OpenAICompatiblePreset } from './openai-compatible-preset.js';

/** Presets for unit tests, each with the quirks under test and nothing else. */
export const everyCapability: ChatCapabilities = {
  streaming: true,
  tools: true,
  parallelTools: true,
  images: true,
  files: false,
  audio: false,
  reasoning: true,
  jsonObject: true,
  jsonSchema: true,
};

export function testPreset(quirks: OpenAICompatiblePreset['quirks'] = {}, overrides: Partial<OpenAICompatiblePreset> = {}): OpenAICompatiblePreset {
  return {
    id: 'test',
    name: 'Test',
    baseURL: 'https://api.test.example/v1',
    environment: { apiKey: 'TEST_API_KEY' },
    auth: { header: 'authorization', scheme: 'Bearer' },
    capabilities: everyCapability,
    quirks,
    ...overrides,
  };
}
