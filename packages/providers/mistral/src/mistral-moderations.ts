import {
  type HttpResponse,
  InvalidRequestError,
  type ModerationRequest,
  type ModerationResponse,
  type ModerationResult,
  type ProviderCallContext,
  UpstreamError,
  readJsonAnswer,
} from '@switchyard/core';
import { compatibleHeaders, mapCompatibleError } from '@switchyard/provider-openai-compatible';
import { mapMistralModerationCategories } from './map-mistral-moderation-categories.js';
import { mistralPreset } from './mistral-preset.js';

/** The model when the client names none (OpenAI's own default, omni-moderation-latest, is not Mistral's). */
export const defaultMistralModerationModel = 'mistral-moderation-latest';

/**
 * OpenAI's `/v1/moderations` translated to Mistral's `POST /v1/moderations`
 * (https://docs.mistral.ai/api/#tag/classifiers): `{model, input}` → `{id, model, results:
 * [{categories, category_scores}]}`, categories renamed to OpenAI's where one matches and
 * `flagged` true when any category is.
 */
export async function createMistralModeration(request: ModerationRequest, context: ProviderCallContext): Promise<ModerationResponse> {
  const model = request.model ?? defaultMistralModerationModel;
  if (request.model === undefined) {
    context.warn({ type: 'default-applied', field: 'model', message: `No moderation model was named; ${defaultMistralModerationModel} was used.` });
  }
  for (const field of Object.keys(request.extra)) {
    context.warn({ type: 'unsupported-field', field, message: `${field} has no counterpart in Mistral's moderation API and was not sent.` });
  }
  if (request.input.length === 0) throw new InvalidRequestError('input must hold at least one text.', { param: 'input', provider: 'mistral' });
  const base = (context.settings.baseURL ?? mistralPreset.baseURL).replace(/\/+$/, '');
  const response = await context.http.request({
    provider: 'mistral',
    url: `${base}/moderations`,
    method: 'POST',
    headers: compatibleHeaders(mistralPreset, context, false),
    body: JSON.stringify({ model, input: request.input }),
    signal: context.signal,
    timeouts: context.timeouts,
  });
  if (response.status >= 300) throw await mapCompatibleError(response, 'mistral');
  return decodeMistralModerationResponse(await readJsonAnswer(response, 'mistral', 'Mistral'), request.input.length);
}

/** Mistral's moderation answer → canonical results, one per input. */
export function decodeMistralModerationResponse(body: unknown, inputs: number): ModerationResponse {
  const answer = body as { id?: unknown; model?: unknown; results?: unknown };
  const results = Array.isArray(answer?.results) ? answer.results : undefined;
  if (typeof answer?.id !== 'string' || typeof answer.model !== 'string' || !results || results.length !== inputs || !results.every(isResult)) {
    throw new UpstreamError('Mistral answered the moderation call with a body that does not hold one result per input.', {
      provider: 'mistral',
      status: 200,
      body,
      kind: 'upstream',
      retryable: false,
    });
  }
  return {
    id: answer.id,
    model: answer.model,
    results: results.map((result): ModerationResult => {
      const categories = mapMistralModerationCategories(result.categories);
      return { flagged: Object.values(categories).some(Boolean), categories, categoryScores: mapMistralModerationCategories(result.category_scores) };
    }),
  };
}

interface MistralModerationResult {
  categories: Record<string, boolean>;
  category_scores: Record<string, number>;
}

function isResult(value: unknown): value is MistralModerationResult {
  const result = value as Partial<MistralModerationResult> | null;
  return (
    typeof result === 'object' &&
    result !== null &&
    isRecordOf(result.categories, (item) => typeof item === 'boolean') &&
    isRecordOf(result.category_scores, (item) => typeof item === 'number')
  );
}

function isRecordOf(value: unknown, check: (item: unknown) => boolean): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every(check);
}

