import type { ProviderAdapter } from '@switchyard/core';
import { createGroqProvider, groqPreset } from '@switchyard/provider-groq';
import { createTogetherProvider, togetherPreset } from '@switchyard/provider-together';
import { createFireworksProvider, fireworksPreset } from '@switchyard/provider-fireworks';
import { createDeepSeekProvider, deepSeekPreset } from '@switchyard/provider-deepseek';
import { createXAIProvider, xAIPreset } from '@switchyard/provider-xai';
import { createPerplexityProvider, perplexityPreset } from '@switchyard/provider-perplexity';
import { createOpenRouterProvider, openRouterPreset } from '@switchyard/provider-openrouter';
import { createCerebrasProvider, cerebrasPreset } from '@switchyard/provider-cerebras';
import { createDeepInfraProvider, deepInfraPreset } from '@switchyard/provider-deepinfra';
import { createSambaNovaProvider, sambaNovaPreset } from '@switchyard/provider-sambanova';
import { createNebiusProvider, nebiusPreset } from '@switchyard/provider-nebius';
import { createHyperbolicProvider, hyperbolicPreset } from '@switchyard/provider-hyperbolic';
import { createLMStudioProvider, lmStudioPreset } from '@switchyard/provider-lmstudio';
import { createVLLMProvider, vllmPreset } from '@switchyard/provider-vllm';
import { createHuggingFaceProvider, huggingFacePreset } from '@switchyard/provider-huggingface';
import { createNovitaProvider, novitaPreset } from '@switchyard/provider-novita';
import { createNvidiaNimProvider, nvidiaNimPreset } from '@switchyard/provider-nvidia-nim';
import { createGitHubModelsProvider, gitHubModelsPreset } from '@switchyard/provider-github-models';
import { createMoonshotProvider, moonshotPreset } from '@switchyard/provider-moonshot';
import { createDashScopeProvider, dashScopePreset } from '@switchyard/provider-dashscope';
import { createZhipuProvider, zhipuPreset } from '@switchyard/provider-zhipu';
import { createZaiProvider, zaiPreset } from '@switchyard/provider-zai';
import { createSiliconFlowProvider, siliconFlowPreset } from '@switchyard/provider-siliconflow';
import { createFeatherlessProvider, featherlessPreset } from '@switchyard/provider-featherless';
import type { OpenAICompatiblePreset } from '@switchyard/provider-openai-compatible';

/** Every preset package with its preset and factory, for the suites that run over all of them. */
export const presets: Array<[string, OpenAICompatiblePreset, () => ProviderAdapter]> = [
  ['groq', groqPreset, createGroqProvider],
  ['together', togetherPreset, createTogetherProvider],
  ['fireworks', fireworksPreset, createFireworksProvider],
  ['deepseek', deepSeekPreset, createDeepSeekProvider],
  ['xai', xAIPreset, createXAIProvider],
  ['perplexity', perplexityPreset, createPerplexityProvider],
  ['openrouter', openRouterPreset, createOpenRouterProvider],
  ['cerebras', cerebrasPreset, createCerebrasProvider],
  ['deepinfra', deepInfraPreset, createDeepInfraProvider],
  ['sambanova', sambaNovaPreset, createSambaNovaProvider],
  ['nebius', nebiusPreset, createNebiusProvider],
  ['hyperbolic', hyperbolicPreset, createHyperbolicProvider],
  ['lmstudio', lmStudioPreset, createLMStudioProvider],
  ['vllm', vllmPreset, createVLLMProvider],
  ['huggingface', huggingFacePreset, createHuggingFaceProvider],
  ['novita', novitaPreset, createNovitaProvider],
  ['nvidia-nim', nvidiaNimPreset, createNvidiaNimProvider],
  ['github-models', gitHubModelsPreset, createGitHubModelsProvider],
  ['moonshot', moonshotPreset, createMoonshotProvider],
  ['dashscope', dashScopePreset, createDashScopeProvider],
  ['zhipu', zhipuPreset, createZhipuProvider],
  ['zai', zaiPreset, createZaiProvider],
  ['siliconflow', siliconFlowPreset, createSiliconFlowProvider],
  ['featherless', featherlessPreset, createFeatherlessProvider],
];
