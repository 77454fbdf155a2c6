import { describe, expect, it } from 'vitest';
import { stripRequestField } from './strip-request-fields.js';

describe('stripRequestField', () => {
  it('drops a top-level field with a warning naming it', () => {
    const body: Record<string, unknown> = { model: 'm', store: true, user: 'u' };
    expect(stripRequestField(body, 'store', 'Groq')).toEqual([
      { type: 'unsupported-field', field: 'store', message: 'Groq does not accept store; it was dropped.' },
    ]);
    expect(body).toEqual({ model: 'm', user: 'u' });
  });

  it('walks arrays and names every place a value was dropped', () => {
    const body: Record<string, unknown> = {
      messages: [
        { role: 'user', content: [{ type: 'text', text: 'a', prompt_cache_breakpoint: { mode: 'explicit' } }, { type: 'text', text: 'b' }] },
        { role: 'assistant', content: 'plain' },
        { role: 'user', content: [{ type: 'text', text: 'c', prompt_cache_breakpoint: { mode: 'explicit' } }], name: 'ann' },
      ],
    };
    const warnings = stripRequestField(body, 'messages.content.prompt_cache_breakpoint', 'DeepSeek');
    expect(warnings.map((warning) => warning.field)).toEqual([
      'messages[0].content[0].prompt_cache_breakpoint',
      'messages[2].content[0].prompt_cache_breakpoint',
    ]);
    expect(JSON.stringify(body)).not.toContain('prompt_cache_breakpoint');
    expect(stripRequestField(body, 'messages.name', 'Mistral').map((warning) => warning.field)).toEqual(['messages[2].name']);
  });

  it('drops null quietly and leaves absent fields alone', () => {
    const body: Record<string, unknown> = { logprobs: null };
    expect(stripRequestField(body, 'logprobs', 'Groq')).toEqual([]);
    expect(body).toEqual({});
    expect(stripRequestField(body, 'nothing.here', 'Groq')).toEqual([]);
  });
});
