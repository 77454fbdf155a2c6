import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { formatParamPath, toOpenAIChatInvalidRequest } from './to-openai-chat-invalid-request.js';

describe('toOpenAIChatInvalidRequest', () => {
  it("formats paths the way OpenAI names fields", () => {
    expect(formatParamPath(['messages', 0, 'content', 2, 'image_url', 'url'])).toBe('messages[0].content[2].image_url.url');
    expect(formatParamPath(['temperature'])).toBe('temperature');
  });

  it('reports the first issue with param and code', () => {
    const schema = z.object({ tags: z.array(z.string()).max(2), mode: z.enum(['a', 'b']) });
    const body = { tags: ['x', 'y', 'z'], mode: 'c' };
    const error = toOpenAIChatInvalidRequest(schema.safeParse(body).error!, body);
    expect(error.kind).toBe('invalid_request');
    expect(error.param).toBe('tags');
    expect(error.code).toBe('array_above_max_length');
    expect(error.message).toBe(
      "Invalid 'tags': array too long. Expected an array with maximum length 2, but got an array with length 3 instead.",
    );
    const second = { tags: [], mode: 'c' };
    expect(toOpenAIChatInvalidRequest(schema.safeParse(second).error!, second).message).toBe(
      "Invalid value: 'c'. Supported values are: 'a' and 'b'.",
    );
  });
});
