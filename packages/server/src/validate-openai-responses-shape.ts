import { InvalidRequestError } from '@switchyard/core';
import { checkNumberParams, openAIResponsesNumberBounds } from './check-number-params.js';

/** Cheap checks for a Responses body going through untranslated; the rest is the upstream's to judge. */
export function validateOpenAIResponsesShape(body: Record<string, unknown>): void {
  const { input, stream } = body;
  if (input !== undefined && typeof input !== 'string' && !Array.isArray(input)) {
    throw new InvalidRequestError("Invalid type for 'input': expected a string or an array of input items.", { param: 'input' });
  }
  if (Array.isArray(input)) {
    input.forEach((item, index) => {
      if (typeof item !== 'object' || item === null || Array.isArray(item)) {
        throw new InvalidRequestError(`Invalid type for 'input[${index}]': expected an object.`, { param: `input[${index}]` });
      }
    });
  }
  if (stream !== undefined && stream !== null && typeof stream !== 'boolean') {
    throw new InvalidRequestError("Invalid type for 'stream': expected a boolean.", { param: 'stream' });
  }
  checkNumberParams(body, openAIResponsesNumberBounds);
}
