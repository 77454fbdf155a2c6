import { InvalidRequestError } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { anthropicMessagesNumberBounds, checkNumberParams, openAIChatNumberBounds } from './check-number-params.js';

function errorOf(run: () => void): InvalidRequestError {
  try {
    run();
  } catch (error) {
    if (InvalidRequestError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected an InvalidRequestError');
}

describe('checkNumberParams', () => {
  it('passes values in range, absent and null ones', () => {
    expect(() => checkNumberParams({ temperature: 0.7, n: 128, max_tokens: null }, openAIChatNumberBounds)).not.toThrow();
  });

  it('names the parameter and the range it missed', () => {
    expect(errorOf(() => checkNumberParams({ n: 100_000 }, openAIChatNumberBounds))).toMatchObject({ param: 'n', message: "Invalid value for 'n': expected a value from 1 to 128, got 100000." });
    expect(errorOf(() => checkNumberParams({ max_tokens: -1 }, anthropicMessagesNumberBounds)).param).toBe('max_tokens');
    expect(errorOf(() => checkNumberParams({ max_tokens: 2.5 }, anthropicMessagesNumberBounds)).message).toMatch(/integer/);
    expect(errorOf(() => checkNumberParams({ temperature: 'hot' }, openAIChatNumberBounds)).message).toMatch(/expected a number/);
  });
});
