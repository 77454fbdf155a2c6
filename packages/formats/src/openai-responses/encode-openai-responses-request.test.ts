import type { ChatRequest } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { decodeOpenAIResponsesRequest } from './decode-openai-responses-request.js';
import { encodeOpenAIResponsesRequest } from './encode-openai-responses-request.js';

describe('encodeOpenAIResponsesRequest', () => {
  it('sends a Responses client’s request back as it came, ids dropped, stateless (store false) with reasoning carried', () => {
    const body = {
      model: 'gpt-5',
      instructions: 'Be terse.',
      input: [
        { role: 'user', content: 'Weather in Paris?' },
        { type: 'reasoning', id: 'rs_1', summary: [{ type: 'summary_text', text: 'One city.' }], encrypted_content: 'gAAAAAB1' },
        { type: 'function_call', id: 'fc_1', call_id: 'call_1', name: 'weather', arguments: '{"city":"Paris"}', status: 'completed' },
        { type: 'function_call_output', call_id: 'call_1', output: '18C' },
      ],
      tools: [{ type: 'function', name: 'weather', parameters: { type: 'object' }, strict: true }, { type: 'web_search' }],
      tool_choice: 'auto',
      text: { verbosity: 'low' },
      prompt_cache_key: 'k',
      stream: true,
    };
    const { body: encoded, warnings } = encodeOpenAIResponsesRequest(decodeOpenAIResponsesRequest(body).request);
    expect(warnings).toEqual([]);
    expect(encoded).toEqual({
      model: 'gpt-5',
      instructions: 'Be terse.',
      input: [
        { role: 'user', content: 'Weather in Paris?' },
        { type: 'reasoning', summary: [{ type: 'summary_text', text: 'One city.' }], encrypted_content: 'gAAAAAB1' },
        { type: 'function_call', call_id: 'call_1', name: 'weather', arguments: '{"city":"Paris"}' },
        { type: 'function_call_output', call_id: 'call_1', output: '18C' },
      ],
      tools: [{ type: 'function', name: 'weather', parameters: { type: 'object' }, strict: true }, { type: 'web_search' }],
      tool_choice: 'auto',
      text: { verbosity: 'low' },
      prompt_cache_key: 'k',
      // The history carries OpenAI reasoning, so the next one must come back encrypted too.
      include: ['reasoning.encrypted_content'],
      store: false,
      stream: true,
    });
  });

  it('keeps store: true when the client asked for it, and adds the include when reasoning is requested', () => {
    const { request } = decodeOpenAIResponsesRequest({ model: 'gpt-5', input: 'x', store: true, reasoning: { effort: 'low' }, include: ['message.output_text.logprobs'] });
    expect(encodeOpenAIResponsesRequest(request).body).toMatchObject({
      store: true,
      reasoning: { effort: 'low' },
      include: ['message.output_text.logprobs', 'reasoning.encrypted_content'],
    });
    const none = encodeOpenAIResponsesRequest({ model: 'gpt-5', messages: [], stream: false, reasoning: { effort: 'none' } }).body;
    expect(none.include).toBeUndefined();
  });

  it('encodes an Anthropic conversation: its signed thinking cannot go to OpenAI and is named in a warning', () => {
    const request: ChatRequest = {
      model: 'gpt-5',
      messages: [
        { role: 'system', content: [{ type: 'text', text: 'A' }, { type: 'text', text: 'B', cache: { type: 'ephemeral', ttl: '1h' } }] },
        { role: 'user', content: [{ type: 'text', text: 'Hi' }, { type: 'image', source: { type: 'base64', mediaType: 'image/png', data: 'iVBO' } }] },
        {
          role: 'assistant',
          content: [
            { type: 'reasoning', text: 'Hmm.', signature: 'ErUB', provider: 'anthropic' },
            { type: 'text', text: 'Calling.' },
            { type: 'refusal', text: 'Not that.' },
            { type: 'tool-call', id: 'toolu_1', name: 'look', arguments: '{}' },
          ],
        },
        {
          role: 'tool',
          content: [
            {
              type: 'tool-result',
              toolCallId: 'toolu_1',
              isError: true,
              content: [
                { type: 'text', text: 'failed' },
                { type: 'file', source: { type: 'file-id', fileId: 'file-1' }, filename: 'log.txt' },
              ],
            },
          ],
        },
      ],
      tools: [{ name: 'look', parameters: { type: 'object', properties: {} } }],
      toolChoice: { type: 'tool', name: 'look' },
      reasoning: { budgetTokens: 2048 },
      maxOutputTokens: 1024,
      stop: ['END'],
      topK: 5,
      stream: false,
    };
    const { body, warnings } = encodeOpenAIResponsesRequest(request);
    expect(body).toEqual({
      model: 'gpt-5',
      input: [
        {
          role: 'system',
          content: [
            { type: 'input_text', text: 'A' },
            { type: 'input_text', text: 'B', prompt_cache_breakpoint: { mode: 'explicit' } },
          ],
        },
        {
          role: 'user',
          content: [
            { type: 'input_text', text: 'Hi' },
            { type: 'input_image', image_url: 'data:image/png;base64,iVBO', detail: 'auto' },
          ],
        },
        { role: 'assistant', content: [{ type: 'output_text', text: 'Calling.' }, { type: 'refusal', refusal: 'Not that.' }] },
        { type: 'function_call', call_id: 'toolu_1', name: 'look', arguments: '{}' },
        {
          type: 'function_call_output',
          call_id: 'toolu_1',
          output: [
            { type: 'input_text', text: 'failed' },
            { type: 'input_file', file_id: 'file-1', filename: 'log.txt' },
          ],
        },
      ],
      // Responses makes tools strict by default; a tool that did not ask for it stays lenient.
      tools: [{ type: 'function', name: 'look', parameters: { type: 'object', properties: {} }, strict: false }],
      tool_choice: { type: 'function', name: 'look' },
      max_output_tokens: 1024,
      include: ['reasoning.encrypted_content'],
      store: false,
      stream: false,
    });
    expect(warnings.map((warning) => warning.field)).toEqual([
      'messages[0].content[1].cache.ttl',
      'messages[2].content[0]',
      'messages[3].content[0].isError',
      'reasoning.budgetTokens',
      'topK',
      'stop',
    ]);
  });

  it('carries the Chat Completions extras that mean the same and names the others', () => {
    const { body, warnings } = encodeOpenAIResponsesRequest({
      model: 'gpt-5',
      messages: [{ role: 'user', content: [{ type: 'text', text: 'x' }] }],
      stream: true,
      streamUsage: true,
      logprobs: true,
      providerOptions: {
        'openai-chat': {
          service_tier: 'priority',
          prompt_cache_key: 'k',
          verbosity: 'high',
          reasoning_effort: 'max',
          stream_options: { include_obfuscation: false },
          logit_bias: { 1: 2 },
        },
        'anthropic-messages': { container: 'c' },
      },
    });
    expect(body).toMatchObject({
      service_tier: 'priority',
      prompt_cache_key: 'k',
      text: { verbosity: 'high' },
      reasoning: { effort: 'max' },
      stream_options: { include_obfuscation: false },
      include: ['message.output_text.logprobs', 'reasoning.encrypted_content'],
    });
    expect(warnings.map((warning) => warning.field)).toEqual(['logit_bias', 'container']);
  });

  it('sends files by URL for OpenAI to fetch, and stream_options only on a streamed request', () => {
    const { body } = encodeOpenAIResponsesRequest({
      model: 'gpt-5',
      messages: [{ role: 'user', content: [{ type: 'file', source: { type: 'url', url: 'https://example.com/a.pdf' } }] }],
      stream: false,
      providerOptions: { 'openai-responses': { stream_options: { include_obfuscation: false }, safety_identifier: 'u' } },
      user: 'u',
    });
    expect(body.input).toEqual([{ role: 'user', content: [{ type: 'input_file', file_url: 'https://example.com/a.pdf' }] }]);
    expect(body.stream_options).toBeUndefined();
    // The client named its end user safety_identifier: not repeated as `user`.
    expect(body.safety_identifier).toBe('u');
    expect(body.user).toBeUndefined();
  });
});
