import type { ChatResponse } from '@switchyard/core';

/** The providerMetadata key under which Azure's content-filter results travel on the translated path. */
export const azureOpenAIMetadataKey = 'azure-openai';

/**
 * Azure's Responsible AI annotations of one answer: `prompt_filter_results` (one entry per
 * prompt, with jailbreak / hate / self-harm … verdicts) and the first choice's
 * `content_filter_results` (the verdicts on the completion). Kept as Azure sends them.
 * https://learn.microsoft.com/azure/ai-foundry/openai/concepts/content-filter#annotations
 */
export interface AzureContentFilterMetadata {
  promptFilterResults?: unknown[];
  contentFilterResults?: Record<string, unknown>;
}

/** Reads the annotations of a Chat Completions answer or stream chunk; empty objects say nothing and are skipped. */
export function readAzureContentFilters(body: unknown): AzureContentFilterMetadata {
  const found: AzureContentFilterMetadata = {};
  if (!isObject(body)) return found;
  if (Array.isArray(body.prompt_filter_results) && body.prompt_filter_results.length > 0) {
    found.promptFilterResults = body.prompt_filter_results;
  }
  const choices = Array.isArray(body.choices) ? body.choices : [];
  const choice = choices.find((candidate) => isObject(candidate) && (candidate.index ?? 0) === 0);
  if (isObject(choice) && isObject(choice.content_filter_results) && Object.keys(choice.content_filter_results).length > 0) {
    found.contentFilterResults = choice.content_filter_results;
  }
  return found;
}

/**
 * The canonical answer with Azure's annotations under `providerMetadata['azure-openai']`, where a
 * client format other than Chat Completions (or a guardrail, or the log) can find them. An OpenAI
 * client gets them back in place anyway: the codec keeps unknown keys under `openai-chat`.
 */
export function withAzureContentFilters(response: ChatResponse, body: unknown): ChatResponse {
  const filters = readAzureContentFilters(body);
  if (filters.promptFilterResults === undefined && filters.contentFilterResults === undefined) return response;
  return { ...response, providerMetadata: { ...response.providerMetadata, [azureOpenAIMetadataKey]: filters } };
}

function isObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
