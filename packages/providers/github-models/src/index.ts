import { createOpenAICompatibleProvider } from '@switchyard/provider-openai-compatible';
import { gitHubModelsPreset } from './github-models-preset.js';

/** The GitHub Models adapter: the OpenAI-compatible adapter configured by `gitHubModelsPreset`. */
export function createGitHubModelsProvider() {
  return createOpenAICompatibleProvider(gitHubModelsPreset);
}

export { gitHubModelsPreset } from './github-models-preset.js';
