import { GatewayError, InvalidRequestError } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { decodeOpenAIChatRequest } from './decode-openai-chat-request.js';

function rejection(body: unknown): GatewayError {
  try {
    decodeOpenAIChatRequest(body);
  } catch (error) {
    if (GatewayError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected the request to be rejected');
}

const hello = [{ role: 'user', content: 'Hello!' }];

describe('decodeOpenAIChatRequest', () => {
  it('decodes a minimal request', () => {
    const { request, warnings } = decodeOpenAIChatRequest({ model: 'gpt-4o', messages: hello });
    expect(request).toEqual({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: [{ type: 'text', text: 'Hello!' }] }],
      stream: false,
    });
    expect(warnings).toEqual([]);
  });

  it('keeps system and developer messages apart and in order', () => {
    const { request } = decodeOpenAIChatRequest({
      model: 'm',
      messages: [
        { role: 'system', content: 'one' },
        { role: 'user', content: 'hi' },
        { role: 'developer', content: [{ type: 'text', text: 'two' }, { type: 'text', text: 'three' }] },
      ],
    });
    expect(request.messages).toEqual([
      { role: 'system', content: [{ type: 'text', text: 'one' }] },
      { role: 'user', content: [{ type: 'text', text: 'hi' }] },
      { role: 'developer', content: [{ type: 'text', text: 'two' }, { type: 'text', text: 'three' }] },
    ]);
  });

  it('decodes every user content part', () => {
    const { request } = decodeOpenAIChatRequest({
      model: 'm',
      messages: [
        {
          role: 'user',
          name: 'ada',
          content: [
            { type: 'text', text: 'look', prompt_cache_breakpoint: { mode: 'explicit' } },
            { type: 'image_url', image_url: { url: 'https://example.com/a.png', detail: 'high' } },
            { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBOR' } },
            { type: 'input_audio', input_audio: { data: 'UklGR', format: 'wav' } },
            { type: 'file', file: { file_data: 'data:application/pdf;base64,JVBER', filename: 'a.pdf' } },
            { type: 'file', file: { file_id: 'file-abc' } },
          ],
        },
      ],
    });
    expect(request.messages[0]).toEqual({
      role: 'user',
      name: 'ada',
      content: [
        { type: 'text', text: 'look', cache: { type: 'ephemeral' } },
        { type: 'image', source: { type: 'url', url: 'https://example.com/a.png' }, detail: 'high' },
        { type: 'image', source: { type: 'base64', mediaType: 'image/png', data: 'iVBOR' } },
        { type: 'audio', data: 'UklGR', format: 'wav' },
        {
          type: 'file',
          source: { type: 'base64', mediaType: 'application/pdf', data: 'JVBER' },
          mediaType: 'application/pdf',
          filename: 'a.pdf',
        },
        { type: 'file', source: { type: 'file-id', fileId: 'file-abc' } },
      ],
    });
  });

  it('decodes assistant history: reasoning, text, refusal and tool calls with exact arguments', () => {
    const { request } = decodeOpenAIChatRequest({
      model: 'm',
      messages: [
        ...hello,
        {
          role: 'assistant',
          reasoning_content: 'thinking…',
          content: 'Let me check.',
          refusal: 'partly not',
          tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'get', arguments: '{ "a" :1}' } }],
        },
        { role: 'tool', tool_call_id: 'call_1', content: 'sunny' },
        { role: 'assistant', content: null, tool_calls: [{ id: 'call_2', function: { name: 'x', arguments: '{}' } }] },
      ],
    });
    expect(request.messages[1]).toEqual({
      role: 'assistant',
      content: [
        { type: 'reasoning', text: 'thinking…' },
        { type: 'text', text: 'Let me check.' },
        { type: 'refusal', text: 'partly not' },
        { type: 'tool-call', id: 'call_1', name: 'get', arguments: '{ "a" :1}' },
      ],
    });
    expect(request.messages[2]).toEqual({
      role: 'tool',
      content: [{ type: 'tool-result', toolCallId: 'call_1', content: [{ type: 'text', text: 'sunny' }] }],
    });
    expect(request.messages[3]).toEqual({
      role: 'assistant',
      content: [{ type: 'tool-call', id: 'call_2', name: 'x', arguments: '{}' }],
    });
  });

  it('drops the annotations of an assistant message sent back as received, without a warning', () => {
    const { request, warnings } = decodeOpenAIChatRequest({
      model: 'm',
      messages: [...hello, { role: 'assistant', content: 'See the docs.', refusal: null, annotations: [] }, { role: 'user', content: 'more' }],
    });
    expect(request.messages[1]).toEqual({ role: 'assistant', content: [{ type: 'text', text: 'See the docs.' }] });
    expect(warnings).toEqual([]);
  });

  it('maps tools, tool choice and every sampling parameter', () => {
    const { request, warnings } = decodeOpenAIChatRequest({
      model: 'm',
      messages: hello,
      tools: [
        { type: 'function', function: { name: 'get', description: 'd', parameters: { type: 'object' }, strict: true } },
        { type: 'function', function: { name: 'noargs' } },
      ],
      tool_choice: { type: 'function', function: { name: 'get' } },
      parallel_tool_calls: false,
      temperature: 0.5,
      top_p: 0.9,
      max_tokens: 100,
      stop: 'END',
      seed: 7,
      presence_penalty: 0.1,
      frequency_penalty: -0.1,
      n: 1,
      logprobs: true,
      top_logprobs: 3,
      response_format: { type: 'json_schema', json_schema: { name: 'r', schema: { type: 'object' }, strict: true } },
      reasoning_effort: 'low',
      user: 'u-1',
      metadata: { team: 'a' },
      stream: true,
      stream_options: { include_usage: true },
    });
    expect(warnings).toEqual([]);
    expect(request).toMatchObject({
      tools: [
        { name: 'get', description: 'd', parameters: { type: 'object' }, strict: true },
        { name: 'noargs', parameters: { type: 'object', properties: {} } },
      ],
      toolChoice: { type: 'tool', name: 'get' },
      parallelToolCalls: false,
      temperature: 0.5,
      topP: 0.9,
      maxOutputTokens: 100,
      stop: ['END'],
      seed: 7,
      presencePenalty: 0.1,
      frequencyPenalty: -0.1,
      n: 1,
      logprobs: true,
      topLogprobs: 3,
      responseFormat: { type: 'json_schema', name: 'r', schema: { type: 'object' }, strict: true },
      reasoning: { effort: 'low' },
      user: 'u-1',
      metadata: { team: 'a' },
      stream: true,
      streamUsage: true,
    });
    expect(request.providerOptions).toBeUndefined();
    expect(decodeOpenAIChatRequest({ model: 'm', messages: hello, tool_choice: 'required' }).request.toolChoice).toEqual({
      type: 'required',
    });
  });

  it('prefers max_completion_tokens and warns about a conflicting max_tokens', () => {
    const { request, warnings } = decodeOpenAIChatRequest({
      model: 'm',
      messages: hello,
      max_tokens: 10,
      max_completion_tokens: 20,
    });
    expect(request.maxOutputTokens).toBe(20);
    expect(warnings).toEqual([expect.objectContaining({ field: 'max_tokens' })]);
  });

  it('carries fields with no canonical home verbatim in providerOptions, without warnings', () => {
    const extras = {
      logit_bias: { '50256': -100 },
      prediction: { type: 'content', content: 'x' },
      modalities: ['text'],
      audio: null,
      service_tier: 'flex',
      store: true,
      web_search_options: {},
      prompt_cache_key: 'k',
      some_future_field: { deep: [1, 2] },
      reasoning_effort: 'max',
    };
    const { request, warnings } = decodeOpenAIChatRequest({
      model: 'm',
      messages: hello,
      stream: true,
      stream_options: { include_usage: false, include_obfuscation: false },
      ...extras,
    });
    expect(warnings).toEqual([]);
    expect(request.reasoning).toBeUndefined();
    expect(request.streamUsage).toBe(false);
    expect(request.providerOptions).toEqual({
      'openai-chat': { ...extras, stream_options: { include_obfuscation: false } },
    });
  });

  it('warns for what it drops', () => {
    const { request, warnings } = decodeOpenAIChatRequest({
      model: 'm',
      messages: [
        { role: 'system', content: 'x', name: 'sys' },
        { role: 'user', content: [{ type: 'text', text: 'x', mystery: 1 }] },
        { role: 'assistant', content: 'y', audio: { id: 'audio_1' } },
      ],
      tools: [{ type: 'custom', custom: { name: 'grammar' } }],
      tool_choice: { type: 'allowed_tools', allowed_tools: { mode: 'auto', tools: [] } },
    });
    expect(warnings.map((warning) => warning.field)).toEqual([
      'messages[0].name',
      'messages[1].content[0].mystery',
      'messages[2].audio',
      'tools[0].type',
      'tool_choice',
    ]);
    expect(request.tools).toEqual([]);
    expect(request.toolChoice).toBeUndefined();
  });

  describe('rejects', () => {
    it('a missing or empty model, without defaulting it', () => {
      for (const model of [undefined, null, '', '  ']) {
        const error = rejection({ model, messages: hello });
        expect(error.message).toBe('model is required');
        expect(error.param).toBe('model');
        expect(error.status).toBe(400);
      }
      expect(rejection({ model: 5, messages: hello }).param).toBe('model');
    });

    it('messages that are not an array, or empty', () => {
      const notArray = rejection({ model: 'm', messages: { role: 'user' } });
      expect(notArray).toBeInstanceOf(InvalidRequestError);
      expect(notArray.param).toBe('messages');
      expect(notArray.message).toBe("Invalid type for 'messages': expected an array, but got an object instead.");
      const empty = rejection({ model: 'm', messages: [] });
      expect(empty.param).toBe('messages');
      expect(empty.code).toBe('empty_array');
      expect(empty.message).toBe(
        "Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.",
      );
      expect(rejection({ model: 'm' }).message).toBe("Missing required parameter: 'messages'.");
    });

    it('an unknown role, naming it', () => {
      const error = rejection({ model: 'm', messages: [{ role: 'robot', content: 'x' }] });
      expect(error.param).toBe('messages[0].role');
      expect(error.message).toContain("'robot'");
      expect(error.message).toContain("'assistant'");
      expect(rejection({ model: 'm', messages: [{ content: 'x' }] }).message).toBe(
        "Missing required parameter: 'messages[0].role'.",
      );
      expect(rejection({ model: 'm', messages: [{ role: 'function', name: 'f', content: 'x' }] }).param).toBe(
        'messages[0].role',
      );
    });

    it('wrong types, with the field path', () => {
      const content = rejection({ model: 'm', messages: [{ role: 'user', content: 42 }] });
      expect(content.param).toBe('messages[0].content');
      expect(content.message).toBe(
        "Invalid type for 'messages[0].content': expected one of a string or an array, but got an integer instead.",
      );
      expect(content.code).toBe('invalid_type');
      expect(rejection({ model: 'm', messages: [{ role: 'user', content: [{ type: 'text', text: 1 }] }] }).param).toBe(
        'messages[0].content[0].text',
      );
      expect(rejection({ model: 'm', messages: [{ role: 'user', content: [{ type: 'video' }] }] }).param).toBe(
        'messages[0].content[0].type',
      );
      expect(rejection({ model: 'm', messages: [{ role: 'user' }] }).message).toBe(
        "Missing required parameter: 'messages[0].content'.",
      );
      expect(rejection({ model: 'm', messages: [...hello, { role: 'tool', content: 'x' }] }).param).toBe(
        'messages[1].tool_call_id',
      );
      expect(rejection({ model: 'm', messages: hello, stream: 'yes' }).param).toBe('stream');
      expect(rejection({ model: 'm', messages: hello, tools: [{ type: 'function', function: { name: 3 } }] }).param).toBe(
        'tools[0].function.name',
      );
      expect(rejection({ model: 'm', messages: hello, tool_choice: 'sometimes' }).message).toBe(
        "Invalid value: 'sometimes'. Supported values are: 'none', 'auto', and 'required'.",
      );
      expect(rejection({ model: 'm', messages: hello, n: 1.5 }).message).toBe(
        "Invalid type for 'n': expected an integer, but got a decimal instead.",
      );
      expect(rejection('not json object').status).toBe(400);
    });

    it('out-of-range numbers', () => {
      const negative = rejection({ model: 'm', messages: hello, max_tokens: -1 });
      expect(negative.param).toBe('max_tokens');
      expect(negative.message).toBe(
        "Invalid 'max_tokens': integer below minimum value. Expected a value >= 0, but got -1 instead.",
      );
      const hot = rejection({ model: 'm', messages: hello, temperature: 2.5 });
      expect(hot.param).toBe('temperature');
      expect(hot.code).toBe('decimal_above_max_value');
      expect(rejection({ model: 'm', messages: hello, temperature: -0.5 }).param).toBe('temperature');
      expect(rejection({ model: 'm', messages: hello, n: 0 }).param).toBe('n');
      expect(rejection({ model: 'm', messages: hello, top_p: 1.5 }).param).toBe('top_p');
      expect(rejection({ model: 'm', messages: hello, presence_penalty: 3 }).param).toBe('presence_penalty');
      expect(rejection({ model: 'm', messages: hello, top_logprobs: 21 }).param).toBe('top_logprobs');
    });

    it('a file part without data or a data URL', () => {
      const file = (payload: unknown) => ({
        model: 'm',
        messages: [{ role: 'user', content: [{ type: 'file', file: payload }] }],
      });
      expect(rejection(file({ filename: 'a.pdf' })).param).toBe('messages[0].content[0].file');
      expect(rejection(file({ file_data: 'JVBERi0=' })).param).toBe('messages[0].content[0].file.file_data');
    });
  });
});
