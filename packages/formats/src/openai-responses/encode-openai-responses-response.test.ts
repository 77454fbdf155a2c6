import type { ChatResponse } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { decodeOpenAIResponsesResponse } from './decode-openai-responses-response.js';
import { encodeOpenAIResponsesResponse } from './encode-openai-responses-response.js';
import { decodeOpenAIResponsesReasoning } from './map-openai-responses-reasoning.js';

/** An answer as the Anthropic codec decodes one: thinking with a signature, redacted thinking, text, two calls. */
const fromAnthropic: ChatResponse = {
  id: 'msg_01XFDUDYJgAACzvnptvVoYEL',
  model: 'claude-sonnet-4-5',
  content: [
    { type: 'reasoning', text: 'The user wants two cities.', signature: 'ErUBCkYIBhgCIkD', provider: 'anthropic' },
    { type: 'reasoning', text: '', redactedData: 'EmwKAhgBEgy3va3pzix', provider: 'anthropic' },
    { type: 'text', text: 'Checking both.' },
    { type: 'tool-call', id: 'toolu_01', name: 'weather', arguments: '{"city":"Paris"}' },
    { type: 'tool-call', id: 'toolu_02', name: 'weather', arguments: '{"city":"Rome"}' },
  ],
  finishReason: { unified: 'tool-calls', raw: 'tool_use' },
  usage: { input: 1529, output: 120, total: 1649, cachedInput: 1111, cacheWrite: 418 },
};

describe('encodeOpenAIResponsesResponse', () => {
  it('builds a full Response object from another provider’s answer, with derived item ids', () => {
    const encoded = encodeOpenAIResponsesResponse({ ...fromAnthropic, created: 1760000000 });
    expect(encoded).toMatchObject({
      id: 'resp_msg_01XFDUDYJgAACzvnptvVoYEL',
      object: 'response',
      created_at: 1760000000,
      status: 'completed',
      error: null,
      incomplete_details: null,
      model: 'claude-sonnet-4-5',
      parallel_tool_calls: true,
      tool_choice: 'auto',
      tools: [],
      store: false,
      text: { format: { type: 'text' } },
      usage: {
        input_tokens: 1529,
        input_tokens_details: { cached_tokens: 1111, cache_write_tokens: 418 },
        output_tokens: 120,
        output_tokens_details: { reasoning_tokens: 0 },
        total_tokens: 1649,
      },
    });
    const output = encoded.output as Array<Record<string, any>>;
    expect(output.map((item) => [item.type, item.id])).toEqual([
      ['reasoning', 'rs_msg_01XFDUDYJgAACzvnptvVoYEL_0'],
      ['reasoning', 'rs_msg_01XFDUDYJgAACzvnptvVoYEL_1'],
      ['message', 'msg_msg_01XFDUDYJgAACzvnptvVoYEL_2'],
      ['function_call', 'fc_msg_01XFDUDYJgAACzvnptvVoYEL_3'],
      ['function_call', 'fc_msg_01XFDUDYJgAACzvnptvVoYEL_4'],
    ]);
    expect(output[0]!.summary).toEqual([{ type: 'summary_text', text: 'The user wants two cities.' }]);
    expect(output[0]!.encrypted_content).toMatch(/^swy1:/);
    expect(output[2]).toEqual({
      id: 'msg_msg_01XFDUDYJgAACzvnptvVoYEL_2',
      type: 'message',
      status: 'completed',
      content: [{ type: 'output_text', annotations: [], logprobs: [], text: 'Checking both.' }],
      role: 'assistant',
    });
    expect(output[3]).toEqual({
      id: 'fc_msg_01XFDUDYJgAACzvnptvVoYEL_3',
      type: 'function_call',
      status: 'completed',
      arguments: '{"city":"Paris"}',
      call_id: 'toolu_01',
      name: 'weather',
    });
  });

  it('carries the Anthropic signature and redacted data through encrypted_content and back', () => {
    const output = encodeOpenAIResponsesResponse(fromAnthropic).output as Array<Record<string, any>>;
    expect(decodeOpenAIResponsesReasoning(output[0]!).part).toEqual(fromAnthropic.content[0]);
    expect(decodeOpenAIResponsesReasoning(output[1]!).part).toEqual(fromAnthropic.content[1]);
  });

  it('marks a truncated answer incomplete, its last item too', () => {
    const encoded = encodeOpenAIResponsesResponse({ id: 'resp_2', model: 'm', content: [{ type: 'text', text: 'Once upon' }], finishReason: { unified: 'length', raw: 'max_tokens' } });
    expect(encoded).toMatchObject({ status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' }, usage: null });
    expect((encoded.output as Array<Record<string, unknown>>)[0]!.status).toBe('incomplete');
  });

  it('repeats the request’s parameters when given it', () => {
    const encoded = encodeOpenAIResponsesResponse(fromAnthropic, {
      request: {
        model: 'claude-sonnet-4-5',
        messages: [{ role: 'system', content: [{ type: 'text', text: 'Be brief.' }] }],
        tools: [{ name: 'weather', parameters: { type: 'object' } }],
        toolChoice: { type: 'required' },
        temperature: 0.5,
        maxOutputTokens: 2048,
        responseFormat: { type: 'json_object' },
        reasoning: { effort: 'high' },
        metadata: { run: '1' },
        stream: false,
      },
    });
    expect(encoded).toMatchObject({
      instructions: 'Be brief.',
      tools: [{ type: 'function', name: 'weather', parameters: { type: 'object' }, strict: false }],
      tool_choice: 'required',
      temperature: 0.5,
      max_output_tokens: 2048,
      text: { format: { type: 'json_object' } },
      reasoning: { effort: 'high', summary: null },
      metadata: { run: '1' },
    });
  });

  it('gives a Responses upstream’s answer back as it was', () => {
    const answer = {
      id: 'resp_1',
      object: 'response',
      created_at: 1,
      status: 'completed',
      error: null,
      incomplete_details: null,
      model: 'gpt-5',
      output: [
        { id: 'rs_1', type: 'reasoning', summary: [{ type: 'summary_text', text: 'A' }, { type: 'summary_text', text: 'B' }], encrypted_content: 'gAAAA' },
        { id: 'ws_1', type: 'web_search_call', status: 'completed' },
        { id: 'msg_1', type: 'message', status: 'completed', role: 'assistant', content: [{ type: 'output_text', text: 'Hi', annotations: [] }, { type: 'refusal', refusal: 'No' }] },
      ],
      usage: { input_tokens: 1, input_tokens_details: { cached_tokens: 0 }, output_tokens: 2, output_tokens_details: { reasoning_tokens: 1 }, total_tokens: 3 },
      store: true,
      tools: [{ type: 'web_search' }],
      billing: { payer: 'developer' },
    };
    const encoded = encodeOpenAIResponsesResponse(decodeOpenAIResponsesResponse(answer));
    const { background: _background, ...rest } = encoded;
    expect(rest).toMatchObject(answer);
    expect(encoded.output).toEqual(answer.output);
  });

  it('rebuilds the items when the content no longer matches what the upstream sent', () => {
    const decoded = decodeOpenAIResponsesResponse({
      id: 'resp_1',
      model: 'gpt-5',
      status: 'completed',
      output: [{ id: 'msg_1', type: 'message', role: 'assistant', status: 'completed', content: [{ type: 'output_text', text: 'Hi', annotations: [] }] }],
    });
    decoded.content.push({ type: 'text', text: ' there' });
    const output = encodeOpenAIResponsesResponse(decoded).output as Array<Record<string, any>>;
    expect(output).toHaveLength(1);
    expect(output[0]!.id).toBe('msg_1_0');
    expect(output[0]!.content.map((part: { text: string }) => part.text)).toEqual(['Hi', ' there']);
  });
});
