import { describe, expect, it } from 'vitest';
import { ollamaCreated, ollamaResponseId, ollamaToolCallId } from './ollama-ids.js';

describe('Ollama ids', () => {
  it('are stable for one answer and differ between answers and calls', () => {
    const at = '2025-07-07T20:32:53.844124Z';
    expect(ollamaToolCallId(at, 'llama3.2', 0)).toBe(ollamaToolCallId(at, 'llama3.2', 0));
    expect(ollamaToolCallId(at, 'llama3.2', 0)).toMatch(/^call_[0-9a-f]{24}$/);
    expect(ollamaToolCallId(at, 'llama3.2', 1)).not.toBe(ollamaToolCallId(at, 'llama3.2', 0));
    expect(ollamaToolCallId('2025-07-07T20:32:53.844125Z', 'llama3.2', 0)).not.toBe(ollamaToolCallId(at, 'llama3.2', 0));
    expect(ollamaResponseId(at, 'llama3.2')).toMatch(/^ollama-[0-9a-f]{24}$/);
  });

  it('reads created_at, nanoseconds and offsets included', () => {
    expect(ollamaCreated('2023-08-04T08:52:19.385406455-07:00')).toBe(1691164339);
    expect(ollamaCreated('not a date')).toBeUndefined();
    expect(ollamaCreated(undefined)).toBeUndefined();
  });
});
