import type { ModerationResponse } from '@switchyard/core';

/** The canonical answer in OpenAI's shape (`category_scores` in snake case, as OpenAI spells it). */
export function encodeOpenAIModerationResponse(response: ModerationResponse): Record<string, unknown> {
  return {
    id: response.id,
    model: response.model,
    results: response.results.map((result) => ({ flagged: result.flagged, categories: result.categories, category_scores: result.categoryScores })),
  };
}
