import { checkProvider, type ProviderAdapter } from '@switchyard/core';
import { presets } from './all-presets.js';
import { describe, expect, it } from 'vitest';

import { checkOpenAICompatiblePreset, needsRequestRewriting, type OpenAICompatiblePreset } from '@switchyard/provider-openai-compatible';
/** Portkey's provider ids (Portkey-AI/gateway src/globals.ts), for the presets Portkey has. */
const portkeyIds: Record<string, string> = {
  groq: 'groq',
  together: 'together-ai',
  fireworks: 'fireworks-ai',
  deepseek: 'deepseek',
  xai: 'x-ai',
  perplexity: 'perplexity-ai',
  openrouter: 'openrouter',
  cerebras: 'cerebras',
  deepinfra: 'deepinfra',
  sambanova: 'sambanova',
  nebius: 'nebius',
  hyperbolic: 'hyperbolic',
  huggingface: 'huggingface',
  novita: 'novita-ai',
  'github-models': 'github',
  moonshot: 'moonshot',
  dashscope: 'dashscope',
  zhipu: 'zhipu',
  zai: 'z-ai',
  siliconflow: 'siliconflow',
  featherless: 'featherless-ai',
};

/** Ids of the other bundled adapters, which no preset may take. */
const otherAdapterIds = ['openai', 'anthropic', 'google', 'vertex-ai', 'bedrock', 'azure-openai', 'cohere', 'mistral', 'mistral-ai', 'ollama', 'mock'];

describe('OpenAI-compatible presets', () => {
  it('are at least twenty', () => {
    expect(presets.length).toBeGreaterThanOrEqual(20);
  });

  describe.each(presets)('%s', (id, preset, create) => {
    it('is a sound preset in its own package', () => {
      expect(preset.id).toBe(id);
      expect(checkOpenAICompatiblePreset(preset)).toEqual([]);
    });

    it('makes a valid adapter (defineProvider passes) with the preset as its configuration', () => {
      const adapter = create();
      expect(checkProvider(adapter)).toEqual([]);
      expect(adapter).toMatchObject({ id, name: preset.name, defaultBaseURL: preset.baseURL, nativeFormat: 'openai-chat', capabilities: { chat: preset.capabilities } });
      expect(adapter.environment).toEqual(preset.environment);
      // Passthrough only when an OpenAI client's body needs no rewriting for this server.
      expect(typeof adapter.passthrough === 'function').toBe(!needsRequestRewriting(preset, {}));
    });

    it('is reached over https, or on loopback when it is a local server', () => {
      const url = new URL(preset.baseURL);
      if (preset.local) expect(url.hostname).toBe('127.0.0.1');
      else expect(url.protocol).toBe('https:');
    });

    it("names its key's environment variable, and answers to Portkey's id", () => {
      if (!preset.local) expect(preset.environment?.apiKey).toMatch(/^[A-Z][A-Z0-9_]*$/);
      const portkeyId = portkeyIds[id];
      if (portkeyId && portkeyId !== id) expect(preset.aliases).toContain(portkeyId);
    });
  });

  it('share no id or alias, with each other or with the other adapters', () => {
    const names = presets.flatMap(([, preset]) => [preset.id, ...(preset.aliases ?? [])]);
    expect(new Set(names).size).toBe(names.length);
    expect(names.filter((name) => otherAdapterIds.includes(name))).toEqual([]);
  });
});
