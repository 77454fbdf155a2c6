import { InvalidRequestError } from '@switchyard/core';

/** The range one numeric request parameter must fall in. */
export interface NumberBound {
  min?: number;
  max?: number;
  integer?: boolean;
}

/** The numeric parameters of each public format and their documented ranges. */
export const openAIChatNumberBounds: Readonly<Record<string, NumberBound>> = {
  temperature: { min: 0, max: 2 },
  top_p: { min: 0, max: 1 },
  max_tokens: { min: 0, integer: true },
  max_completion_tokens: { min: 0, integer: true },
  // OpenAI caps n at 128; a larger n would multiply the bill, never a sane request.
  n: { min: 1, max: 128, integer: true },
  presence_penalty: { min: -2, max: 2 },
  frequency_penalty: { min: -2, max: 2 },
  top_logprobs: { min: 0, max: 20, integer: true },
  seed: { integer: true },
};

export const anthropicMessagesNumberBounds: Readonly<Record<string, NumberBound>> = {
  max_tokens: { min: 1, integer: true },
  temperature: { min: 0, max: 1 },
  top_p: { min: 0, max: 1 },
  top_k: { min: 0, integer: true },
};

export const openAIResponsesNumberBounds: Readonly<Record<string, NumberBound>> = {
  temperature: { min: 0, max: 2 },
  top_p: { min: 0, max: 1 },
  max_output_tokens: { min: 0, integer: true },
  max_tool_calls: { min: 0, integer: true },
  top_logprobs: { min: 0, max: 20, integer: true },
};

/**
 * Refuses a negative, fractional or absurd top-level number with a 400 naming it, on the
 * passthrough path too (which does not decode the request): only the listed keys are read.
 */
export function checkNumberParams(body: Record<string, unknown>, bounds: Readonly<Record<string, NumberBound>>): void {
  for (const name in bounds) {
    const value = body[name];
    if (value === undefined || value === null) continue;
    const bound = bounds[name]!;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new InvalidRequestError(`Invalid type for '${name}': expected a number, got ${JSON.stringify(value)}.`, { param: name });
    }
    if (bound.integer && !Number.isInteger(value)) {
      throw new InvalidRequestError(`Invalid value for '${name}': expected an integer, got ${value}.`, { param: name });
    }
    if ((bound.min !== undefined && value < bound.min) || (bound.max !== undefined && value > bound.max)) {
      throw new InvalidRequestError(`Invalid value for '${name}': expected ${describe(bound)}, got ${value}.`, { param: name });
    }
  }
}

function describe(bound: NumberBound): string {
  if (bound.min !== undefined && bound.max !== undefined) return `a value from ${bound.min} to ${bound.max}`;
  return bound.min !== undefined ? `a value of at least ${bound.min}` : `a value of at most ${bound.max}`;
}
