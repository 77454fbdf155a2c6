import { InvalidRequestError, type ModerationRequest } from '@switchyard/core';

/**
 * OpenAI's `POST /v1/moderations` body to the canonical request. Only text is translated: an
 * image part is refused with a 400 (the translated providers read text only).
 */
export function decodeOpenAIModerationRequest(body: Record<string, unknown>): ModerationRequest {
  const request: ModerationRequest = { input: readInput(body.input), extra: {} };
  if (typeof body.model === 'string' && body.model !== '') request.model = body.model;
  for (const [key, value] of Object.entries(body)) if (key !== 'model' && key !== 'input') request.extra[key] = value;
  return request;
}

function readInput(input: unknown): string[] {
  if (input === undefined || input === null) throw new InvalidRequestError("Missing required parameter: 'input'.", { param: 'input' });
  if (typeof input === 'string') return [input];
  if (Array.isArray(input) && input.length > 0) {
    if (input.every((item) => typeof item === 'string')) return input as string[];
    const texts: string[] = [];
    for (const [index, item] of input.entries()) {
      const part = item as { type?: unknown; text?: unknown } | null;
      if (part && part.type === 'text' && typeof part.text === 'string') texts.push(part.text);
      else if (part && part.type === 'image_url') {
        throw new InvalidRequestError(`input[${index}] is an image: this provider moderates text only.`, { param: `input[${index}]` });
      } else throw new InvalidRequestError(`Invalid value for 'input[${index}]': expected a string or a text part.`, { param: `input[${index}]` });
    }
    return texts;
  }
  throw new InvalidRequestError("Invalid value for 'input': expected a string or a non-empty array of strings.", { param: 'input' });
}
