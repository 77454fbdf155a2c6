import { GatewayError } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { decodeOpenAIResponsesRequest } from './decode-openai-responses-request.js';
import { encodeReasoningEnvelope } from './openai-responses-reasoning-envelope.js';

function rejection(body: unknown): GatewayError {
  try {
    decodeOpenAIResponsesRequest(body);
  } catch (error) {
    if (GatewayError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected the request to be refused');
}

describe('decodeOpenAIResponsesRequest', () => {
  it('turns instructions into a leading system message and a string input into a user message', () => {
    const { request, warnings } = decodeOpenAIResponsesRequest({ model: 'gpt-5', instructions: 'Be terse.', input: 'Hi', stream: true });
    expect(request).toEqual({
      model: 'gpt-5',
      messages: [
        { role: 'system', content: [{ type: 'text', text: 'Be terse.' }] },
        { role: 'user', content: [{ type: 'text', text: 'Hi' }] },
      ],
      stream: true,
    });
    expect(warnings).toEqual([]);
  });

  it('groups one model turn (reasoning, text, calls) into one assistant message and its outputs into one tool message', () => {
    const { request, warnings } = decodeOpenAIResponsesRequest({
      model: 'gpt-5',
      input: [
        { role: 'developer', content: 'Use tools.' },
        { role: 'user', content: 'Weather in Paris and Rome?' },
        { type: 'reasoning', id: 'rs_1', summary: [{ type: 'summary_text', text: 'Two cities.' }], encrypted_content: 'gAAAAAB1' },
        { type: 'message', id: 'msg_1', role: 'assistant', status: 'completed', content: [{ type: 'output_text', text: 'Checking.', annotations: [] }] },
        { type: 'function_call', id: 'fc_1', call_id: 'call_1', name: 'weather', arguments: '{"city":"Paris"}', status: 'completed' },
        { type: 'function_call', id: 'fc_2', call_id: 'call_2', name: 'weather', arguments: '{"city":"Rome"}' },
        { type: 'function_call_output', call_id: 'call_1', output: '18C' },
        { type: 'function_call_output', call_id: 'call_2', output: [{ type: 'input_text', text: '24C' }] },
        { role: 'system', content: [{ type: 'input_text', text: 'Answer in French.' }] },
      ],
    });
    expect(warnings).toEqual([]);
    expect(request.messages).toEqual([
      { role: 'developer', content: [{ type: 'text', text: 'Use tools.' }] },
      { role: 'user', content: [{ type: 'text', text: 'Weather in Paris and Rome?' }] },
      {
        role: 'assistant',
        content: [
          { type: 'reasoning', text: 'Two cities.', redactedData: 'gAAAAAB1', provider: 'openai' },
          { type: 'text', text: 'Checking.' },
          { type: 'tool-call', id: 'call_1', name: 'weather', arguments: '{"city":"Paris"}' },
          { type: 'tool-call', id: 'call_2', name: 'weather', arguments: '{"city":"Rome"}' },
        ],
      },
      {
        role: 'tool',
        content: [
          { type: 'tool-result', toolCallId: 'call_1', toolName: 'weather', content: [{ type: 'text', text: '18C' }] },
          { type: 'tool-result', toolCallId: 'call_2', toolName: 'weather', content: [{ type: 'text', text: '24C' }] },
        ],
      },
      { role: 'system', content: [{ type: 'text', text: 'Answer in French.' }] },
    ]);
  });

  it("drops the openai SDK's parse fields of replayed output (parsed_arguments, parsed) without a warning", () => {
    const { request, warnings } = decodeOpenAIResponsesRequest({
      model: 'gpt-5',
      input: [
        { role: 'user', content: 'Weather?' },
        { type: 'message', id: 'msg_1', role: 'assistant', status: 'completed', content: [{ type: 'output_text', text: 'Checking.', annotations: [], parsed: null }] },
        { type: 'function_call', id: 'fc_1', call_id: 'call_1', name: 'weather', arguments: '{}', status: 'completed', parsed_arguments: null },
        { type: 'function_call_output', call_id: 'call_1', output: '18C' },
      ],
    });
    expect(warnings).toEqual([]);
    expect(request.messages[1]).toEqual({
      role: 'assistant',
      content: [
        { type: 'text', text: 'Checking.' },
        { type: 'tool-call', id: 'call_1', name: 'weather', arguments: '{}' },
      ],
    });
  });

  it('restores an Anthropic thinking block from the envelope this gateway wrote', () => {
    const envelope = encodeReasoningEnvelope({ provider: 'anthropic', text: 'Hmm.', signature: 'ErUBCkYI' })!;
    const { request } = decodeOpenAIResponsesRequest({
      model: 'claude-sonnet-4-5',
      input: [
        { role: 'user', content: 'Hi' },
        { type: 'reasoning', id: 'rs_x_0', summary: [{ type: 'summary_text', text: 'Hmm.' }], encrypted_content: envelope },
        { type: 'message', role: 'assistant', content: [{ type: 'output_text', text: 'Hello!' }] },
      ],
    });
    expect(request.messages[1]).toEqual({
      role: 'assistant',
      content: [
        { type: 'reasoning', text: 'Hmm.', signature: 'ErUBCkYI', provider: 'anthropic' },
        { type: 'text', text: 'Hello!' },
      ],
    });
  });

  it('refuses an envelope the client changed, naming the field', () => {
    const error = rejection({ model: 'm', input: [{ type: 'reasoning', summary: [], encrypted_content: 'swy1:!!' }] });
    expect(error).toMatchObject({ kind: 'invalid_request', param: 'input[0].encrypted_content', code: 'invalid_value' });
  });

  it('decodes images, files and audio by every source the format has', () => {
    const { request, warnings } = decodeOpenAIResponsesRequest({
      model: 'gpt-5',
      input: [
        {
          role: 'user',
          content: [
            { type: 'input_text', text: 'Look', prompt_cache_breakpoint: { mode: 'explicit' } },
            { type: 'input_image', image_url: 'https://example.com/a.png', detail: 'high' },
            { type: 'input_image', image_url: 'data:image/png;base64,iVBORw0KGgo=' },
            { type: 'input_image', file_id: 'file-img', detail: 'original' },
            { type: 'input_file', file_data: 'data:application/pdf;base64,JVBERi0=', filename: 'a.pdf' },
            { type: 'input_file', file_id: 'file-pdf' },
            { type: 'input_file', file_url: 'https://example.com/b.pdf' },
            { type: 'input_audio', input_audio: { data: 'UklGR', format: 'wav' } },
          ],
        },
      ],
    });
    expect(request.messages[0]!.content).toEqual([
      { type: 'text', text: 'Look', cache: { type: 'ephemeral' } },
      { type: 'image', source: { type: 'url', url: 'https://example.com/a.png' }, detail: 'high' },
      { type: 'image', source: { type: 'base64', mediaType: 'image/png', data: 'iVBORw0KGgo=' } },
      { type: 'image', source: { type: 'file-id', fileId: 'file-img' } },
      { type: 'file', source: { type: 'base64', mediaType: 'application/pdf', data: 'JVBERi0=' }, mediaType: 'application/pdf', filename: 'a.pdf' },
      { type: 'file', source: { type: 'file-id', fileId: 'file-pdf' } },
      { type: 'file', source: { type: 'url', url: 'https://example.com/b.pdf' } },
      { type: 'audio', data: 'UklGR', format: 'wav' },
    ]);
    expect(warnings.map((warning) => warning.field)).toEqual(['input[0].content[3].detail']);
  });

  it('maps function tools (strict unless stated otherwise, as Responses defines) and keeps hosted tools verbatim', () => {
    const webSearch = { type: 'web_search', search_context_size: 'low' };
    const { request } = decodeOpenAIResponsesRequest({
      model: 'gpt-5',
      input: 'x',
      tools: [
        { type: 'function', name: 'a', description: 'A', parameters: { type: 'object', properties: {} }, strict: false },
        { type: 'function', name: 'b', parameters: null },
        webSearch,
      ],
      tool_choice: { type: 'function', name: 'a' },
      parallel_tool_calls: false,
    });
    expect(request.tools).toEqual([
      { name: 'a', description: 'A', parameters: { type: 'object', properties: {} }, strict: false },
      { name: 'b', parameters: { type: 'object', properties: {} }, strict: true },
    ]);
    expect(request.toolChoice).toEqual({ type: 'tool', name: 'a' });
    expect(request.parallelToolCalls).toBe(false);
    expect(request.providerOptions).toEqual({ 'openai-responses': { tools: [webSearch] } });
  });

  it('keeps a tool_choice with no canonical form for a Responses upstream', () => {
    const choice = { type: 'allowed_tools', mode: 'auto', tools: [{ type: 'function', name: 'a' }] };
    const { request } = decodeOpenAIResponsesRequest({ model: 'gpt-5', input: 'x', tool_choice: choice });
    expect(request.toolChoice).toBeUndefined();
    expect(request.providerOptions?.['openai-responses']).toEqual({ tool_choice: choice });
  });

  it('maps text.format, reasoning and sampling, carrying verbosity, effort levels it lacks and every unmapped field', () => {
    const { request } = decodeOpenAIResponsesRequest({
      model: 'gpt-5',
      input: 'x',
      text: { format: { type: 'json_schema', name: 'City', schema: { type: 'object' }, strict: true }, verbosity: 'low' },
      reasoning: { effort: 'max', summary: 'detailed', context: 'all_turns' },
      temperature: 0.2,
      top_p: 0.9,
      max_output_tokens: 500,
      top_logprobs: 3,
      include: ['reasoning.encrypted_content', 'message.output_text.logprobs'],
      store: true,
      previous_response_id: 'resp_prev',
      truncation: 'auto',
      service_tier: 'flex',
      prompt_cache_key: 'k',
      metadata: { run: '7' },
      safety_identifier: 'user-42',
      future_field: { a: 1 },
    });
    expect(request).toMatchObject({
      responseFormat: { type: 'json_schema', name: 'City', schema: { type: 'object' }, strict: true },
      reasoning: { summary: 'detailed' },
      temperature: 0.2,
      topP: 0.9,
      maxOutputTokens: 500,
      topLogprobs: 3,
      logprobs: true,
      metadata: { run: '7' },
      user: 'user-42',
    });
    expect(request.providerOptions).toEqual({
      'openai-responses': {
        text: { verbosity: 'low' },
        reasoning: { effort: 'max', context: 'all_turns' },
        include: ['reasoning.encrypted_content', 'message.output_text.logprobs'],
        store: true,
        previous_response_id: 'resp_prev',
        truncation: 'auto',
        service_tier: 'flex',
        prompt_cache_key: 'k',
        safety_identifier: 'user-42',
        future_field: { a: 1 },
      },
    });
  });

  it('drops what it cannot carry with a warning naming the field', () => {
    const { request, warnings } = decodeOpenAIResponsesRequest({
      model: 'gpt-5',
      input: [
        { role: 'user', content: 'Search' },
        { type: 'web_search_call', id: 'ws_1', status: 'completed', action: { type: 'search', query: 'q' } },
        { type: 'item_reference', id: 'msg_old' },
        { role: 'assistant', phase: 'final_answer', content: 'Done.' },
        { role: 'user', content: [{ type: 'input_text', text: 'x', extra: 1 }] },
      ],
    });
    expect(warnings.map((warning) => warning.field)).toEqual(['input[1].type', 'input[2]', 'input[3].phase', 'input[4].content[0].extra']);
    expect(request.messages.map((message) => message.role)).toEqual(['user', 'assistant', 'user']);
  });

  it('refuses invalid requests naming the field as OpenAI does', () => {
    expect(rejection({ input: 'x' })).toMatchObject({ param: 'model', code: 'missing_required_parameter' });
    expect(rejection('nope')).toMatchObject({ kind: 'invalid_request' });
    expect(rejection({ model: 'm', input: [{ role: 'user', content: 'a' }, { role: 'user', content: 'b' }, { type: 'function_call_output', output: 'x' }] })).toMatchObject({
      message: "Missing required parameter: 'input[2].call_id'.",
      param: 'input[2].call_id',
      code: 'missing_required_parameter',
    });
    expect(rejection({ model: 'm', input: [{ role: 'user', content: [{ type: 'output_text', text: 'x' }] }] })).toMatchObject({
      param: 'input[0].content[0].type',
      code: 'invalid_value',
    });
    expect(rejection({ model: 'm', input: [{ role: 'robot', content: 'x' }] })).toMatchObject({ param: 'input[0].role', code: 'invalid_value' });
    expect(rejection({ model: 'm', input: [{ content: 'x' }] })).toMatchObject({ param: 'input[0].type', code: 'missing_required_parameter' });
    expect(rejection({ model: 'm', input: 'x', tools: [{ type: 'function', name: 'ok' }, { type: 'function' }] })).toMatchObject({ param: 'tools[1].name' });
    expect(rejection({ model: 'm', input: 'x', temperature: -1 })).toMatchObject({ param: 'temperature', code: 'decimal_below_min_value' });
    expect(rejection({ model: 'm', input: [{ role: 'user', content: [{ type: 'input_file', file_data: 'JVBERi0=' }] }] })).toMatchObject({
      param: 'input[0].content[0].file_data',
      code: 'invalid_value',
    });
  });
});
