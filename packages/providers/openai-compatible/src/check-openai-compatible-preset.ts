import { endpointIds } from '@switchyard/core';
import type { OpenAICompatiblePreset } from './openai-compatible-preset.js';

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Lists what is wrong with a preset; empty when it is sound. A hosted provider must be reached
 * over https and name the environment variable of its key; a local one (LM Studio, vLLM)
 * defaults to a loopback address.
 */
export function checkOpenAICompatiblePreset(preset: OpenAICompatiblePreset): string[] {
  const problems: string[] = [];
  if (!/^[a-z0-9][a-z0-9-]*$/.test(preset.id)) problems.push(`id "${preset.id}" must be lower-case letters, digits and dashes`);
  let url: URL | undefined;
  try {
    url = new URL(preset.baseURL);
  } catch {
    problems.push(`baseURL "${preset.baseURL}" is not a URL`);
  }
  if (url) {
    if (preset.local) {
      if (!loopbackHosts.has(url.hostname)) problems.push(`a local preset's baseURL must be loopback, not ${url.hostname}`);
    } else if (url.protocol !== 'https:') {
      problems.push(`baseURL must be https for a hosted provider, not ${url.protocol}`);
    }
    if (preset.baseURL.endsWith('/')) problems.push('baseURL must not end with a slash (the path is appended)');
    if (url.search || url.hash) problems.push('baseURL must carry no query or fragment');
  }
  const path = preset.chatCompletionsPath ?? '/chat/completions';
  if (!path.startsWith('/') || !path.endsWith('/chat/completions')) problems.push(`chatCompletionsPath "${path}" must start with / and end with /chat/completions`);
  if (!preset.local && !('none' in preset.auth) && !preset.environment?.apiKey) {
    problems.push('a hosted provider must name the environment variable of its API key');
  }
  if (preset.environment?.apiKey && !/^[A-Z][A-Z0-9_]*$/.test(preset.environment.apiKey)) {
    problems.push(`environment.apiKey "${preset.environment.apiKey}" is not an environment variable name`);
  }
  for (const alias of preset.aliases ?? []) {
    if (alias === preset.id) problems.push(`alias "${alias}" repeats the id`);
    if (!/^[a-z0-9][a-z0-9-]*$/.test(alias)) problems.push(`alias "${alias}" must be lower-case letters, digits and dashes`);
  }
  for (const endpoint of preset.endpoints ?? []) {
    if (!(endpointIds as readonly string[]).includes(endpoint)) problems.push(`endpoints: "${endpoint}" is not an endpoint id (${endpointIds.join(', ')})`);
  }
  const quirks = preset.quirks ?? {};
  for (const field of quirks.stripFields ?? []) {
    if (field === 'model' || field === 'messages' || field === 'stream') problems.push(`stripFields cannot strip "${field}"`);
  }
  if (quirks.reasoningInHistory === 'thinking-chunks' && !quirks.contentAsArray) {
    problems.push('reasoningInHistory "thinking-chunks" needs contentAsArray (the server must read content arrays)');
  }
  return problems;
}
