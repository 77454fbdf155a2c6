import type { ProviderAdapter } from '@switchyard/core';
import { createAnthropicProvider } from '@switchyard/provider-anthropic';
import { createBedrockProvider } from '@switchyard/provider-bedrock';
import { createAzureOpenAIProvider } from '@switchyard/provider-azure-openai';
import { createGoogleProvider } from '@switchyard/provider-google';
import { createMockProvider } from '@switchyard/provider-mock';
import { createOllamaProvider } from '@switchyard/provider-ollama';
import { createOpenAIProvider } from '@switchyard/provider-openai';

/** The adapters shipped with the gateway. Adding a provider adds one line here and nothing else outside its package. */
export function bundledAdapters(): ProviderAdapter[] {
  return [createMockProvider(), createOpenAIProvider(), createAnthropicProvider(), createGoogleProvider(), createBedrockProvider(), createAzureOpenAIProvider(), createOllamaProvider()];
}
