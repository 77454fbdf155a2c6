import type { ProviderAdapter } from '@switchyard/core';
import { createAnthropicProvider } from '@switchyard/provider-anthropic';
import { createAzureOpenAIProvider } from '@switchyard/provider-azure-openai';
import { createBedrockProvider } from '@switchyard/provider-bedrock';
import { createCerebrasProvider } from '@switchyard/provider-cerebras';
import { createCohereProvider } from '@switchyard/provider-cohere';
import { createDashScopeProvider } from '@switchyard/provider-dashscope';
import { createDeepInfraProvider } from '@switchyard/provider-deepinfra';
import { createDeepSeekProvider } from '@switchyard/provider-deepseek';
import { createFeatherlessProvider } from '@switchyard/provider-featherless';
import { createFireworksProvider } from '@switchyard/provider-fireworks';
import { createGitHubModelsProvider } from '@switchyard/provider-github-models';
import { createGoogleProvider } from '@switchyard/provider-google';
import { createGroqProvider } from '@switchyard/provider-groq';
import { createHuggingFaceProvider } from '@switchyard/provider-huggingface';
import { createHyperbolicProvider } from '@switchyard/provider-hyperbolic';
import { createLMStudioProvider } from '@switchyard/provider-lmstudio';
import { createMistralProvider } from '@switchyard/provider-mistral';
import { createMockProvider } from '@switchyard/provider-mock';
import { createMoonshotProvider } from '@switchyard/provider-moonshot';
import { createNebiusProvider } from '@switchyard/provider-nebius';
import { createNovitaProvider } from '@switchyard/provider-novita';
import { createNvidiaNimProvider } from '@switchyard/provider-nvidia-nim';
import { createOllamaProvider } from '@switchyard/provider-ollama';
import { createOpenAIProvider } from '@switchyard/provider-openai';
import { createOpenRouterProvider } from '@switchyard/provider-openrouter';
import { createPerplexityProvider } from '@switchyard/provider-perplexity';
import { createSambaNovaProvider } from '@switchyard/provider-sambanova';
import { createSiliconFlowProvider } from '@switchyard/provider-siliconflow';
import { createTogetherProvider } from '@switchyard/provider-together';
import { createVertexProvider } from '@switchyard/provider-vertex-ai';
import { createVLLMProvider } from '@switchyard/provider-vllm';
import { createXAIProvider } from '@switchyard/provider-xai';
import { createZaiProvider } from '@switchyard/provider-zai';
import { createZhipuProvider } from '@switchyard/provider-zhipu';

/**
 * The adapters shipped with the gateway: the built-in mock, the providers with their own wire
 * formats, then the OpenAI-compatible presets. Adding a provider adds one line here and nothing
 * else outside its package.
 */
export function bundledAdapters(): ProviderAdapter[] {
  return [
    createMockProvider(),
    createOpenAIProvider(),
    createAnthropicProvider(),
    createGoogleProvider(),
    createBedrockProvider(),
    createAzureOpenAIProvider(),
    createVertexProvider(),
    createOllamaProvider(),
    createCohereProvider(),
    createMistralProvider(),
    createCerebrasProvider(),
    createDashScopeProvider(),
    createDeepInfraProvider(),
    createDeepSeekProvider(),
    createFeatherlessProvider(),
    createFireworksProvider(),
    createGitHubModelsProvider(),
    createGroqProvider(),
    createHuggingFaceProvider(),
    createHyperbolicProvider(),
    createLMStudioProvider(),
    createMoonshotProvider(),
    createNebiusProvider(),
    createNovitaProvider(),
    createNvidiaNimProvider(),
    createOpenRouterProvider(),
    createPerplexityProvider(),
    createSambaNovaProvider(),
    createSiliconFlowProvider(),
    createTogetherProvider(),
    createVLLMProvider(),
    createXAIProvider(),
    createZaiProvider(),
    createZhipuProvider(),
  ];
}
