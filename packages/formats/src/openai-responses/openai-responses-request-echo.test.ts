import { describe, expect, it } from 'vitest';
import { openAIResponsesRequestEcho } from './openai-responses-request-echo.js';

describe('openAIResponsesRequestEcho', () => {
  it('falls back to OpenAI’s documented defaults without a request', () => {
    expect(openAIResponsesRequestEcho()).toEqual({
      background: false,
      instructions: null,
      max_output_tokens: null,
      parallel_tool_calls: true,
      previous_response_id: null,
      reasoning: { effort: null, summary: null },
      store: false,
      temperature: null,
      text: { format: { type: 'text' } },
      tool_choice: 'auto',
      tools: [],
      top_p: null,
      truncation: 'disabled',
      user: null,
      metadata: {},
    });
  });

  it('repeats what a Responses client sent, including what travelled in providerOptions', () => {
    const webSearch = { type: 'web_search' };
    expect(
      openAIResponsesRequestEcho({
        model: 'gpt-5',
        messages: [{ role: 'system', content: [{ type: 'text', text: 'Be terse.' }] }],
        tools: [{ name: 'f', parameters: {}, strict: true }],
        parallelToolCalls: false,
        topP: 0.5,
        user: 'u1',
        responseFormat: { type: 'json_schema', name: 'X', schema: {} },
        stream: true,
        providerOptions: {
          'openai-responses': { tools: [webSearch], truncation: 'auto', previous_response_id: 'resp_0', text: { verbosity: 'low' }, reasoning: { effort: 'max' } },
        },
      }),
    ).toMatchObject({
      instructions: 'Be terse.',
      parallel_tool_calls: false,
      previous_response_id: 'resp_0',
      reasoning: { effort: 'max', summary: null },
      text: { format: { type: 'json_schema', name: 'X', schema: {} }, verbosity: 'low' },
      tools: [{ type: 'function', name: 'f', parameters: {}, strict: true }, webSearch],
      top_p: 0.5,
      truncation: 'auto',
      user: 'u1',
    });
  });
});
