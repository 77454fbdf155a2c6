import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { toOpenAIResponsesInvalidRequest } from './to-openai-responses-invalid-request.js';

describe('toOpenAIResponsesInvalidRequest', () => {
  it('says "decimal" for temperature as OpenAI does, even for a whole number', () => {
    const body = { temperature: -1 };
    const error = toOpenAIResponsesInvalidRequest(z.object({ temperature: z.number().min(0) }).safeParse(body).error!, body);
    expect(error).toMatchObject({
      message: "Invalid 'temperature': decimal below minimum value. Expected a value >= 0, but got -1 instead.",
      param: 'temperature',
      code: 'decimal_below_min_value',
    });
  });

  it('names the field under a prefix for schemas applied to one item', () => {
    const body = { input: [{}, {}, { type: 'function_call_output', output: 'x' }] };
    const error = toOpenAIResponsesInvalidRequest(z.object({ call_id: z.string() }).safeParse(body.input[2]).error!, body, ['input', 2]);
    expect(error).toMatchObject({ message: "Missing required parameter: 'input[2].call_id'.", param: 'input[2].call_id', code: 'missing_required_parameter' });
  });
});
