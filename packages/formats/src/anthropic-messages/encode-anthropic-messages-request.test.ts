import { GatewayError, type ChatRequest } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { encodeAnthropicMessagesRequest } from './encode-anthropic-messages-request.js';

const base = { model: 'claude-sonnet-4-5', stream: false, maxOutputTokens: 1024 } satisfies Partial<ChatRequest>;

function encode(request: Partial<ChatRequest>) {
  return encodeAnthropicMessagesRequest({ ...base, messages: [], ...request } as ChatRequest);
}

function thrown(run: () => unknown): GatewayError {
  try {
    run();
  } catch (error) {
    if (GatewayError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected an error');
}

describe('encodeAnthropicMessagesRequest', () => {
  it('translates a multi-turn conversation with tools, images and a PDF', () => {
    const { body, warnings } = encode({
      messages: [
        { role: 'system', content: [{ type: 'text', text: 'You are terse.', cache: { type: 'ephemeral' } }] },
        { role: 'developer', content: [{ type: 'text', text: 'Answer in English.' }] },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'What is in these?' },
            { type: 'image', source: { type: 'base64', mediaType: 'image/png', data: 'iVBOR' } },
            { type: 'image', source: { type: 'url', url: 'https://example.com/cat.jpg' }, cache: { type: 'ephemeral', ttl: '1h' } },
            { type: 'image', source: { type: 'url', url: 'data:image/jpeg;base64,/9j/4A' } },
            { type: 'file', source: { type: 'base64', mediaType: 'application/pdf', data: 'JVBER' }, filename: 'report.pdf' },
          ],
        },
        {
          role: 'assistant',
          content: [
            { type: 'text', text: 'Let me look.' },
            { type: 'tool-call', id: 'toolu_1', name: 'lookup', arguments: '{"q":"cat"}' },
            { type: 'tool-call', id: 'toolu_2', name: 'lookup', arguments: '' },
          ],
        },
        {
          role: 'tool',
          content: [
            { type: 'tool-result', toolCallId: 'toolu_1', content: [{ type: 'text', text: 'a cat' }] },
            { type: 'tool-result', toolCallId: 'toolu_2', content: [{ type: 'text', text: 'nothing' }], isError: true },
          ],
        },
        { role: 'user', content: [{ type: 'text', text: 'And now?' }] },
      ],
      tools: [
        { name: 'lookup', description: 'Look things up', parameters: { type: 'object', properties: { q: { type: 'string' } } }, cache: { type: 'ephemeral' } },
        { name: 'noop', parameters: {} },
      ],
      toolChoice: { type: 'auto' },
      parallelToolCalls: false,
      temperature: 0.3,
      stop: ['END'],
      user: 'user-42',
    });
    expect(body).toEqual({
      model: 'claude-sonnet-4-5',
      max_tokens: 1024,
      system: [
        { type: 'text', text: 'You are terse.', cache_control: { type: 'ephemeral' } },
        { type: 'text', text: 'Answer in English.' },
      ],
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'What is in these?' },
            { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBOR' } },
            { type: 'image', source: { type: 'url', url: 'https://example.com/cat.jpg' }, cache_control: { type: 'ephemeral', ttl: '1h' } },
            { type: 'image', source: { type: 'base64', media_type: 'image/jpeg', data: '/9j/4A' } },
            { type: 'document', source: { type: 'base64', media_type: 'application/pdf', data: 'JVBER' }, title: 'report.pdf' },
          ],
        },
        {
          role: 'assistant',
          content: [
            { type: 'text', text: 'Let me look.' },
            { type: 'tool_use', id: 'toolu_1', name: 'lookup', input: { q: 'cat' } },
            { type: 'tool_use', id: 'toolu_2', name: 'lookup', input: {} },
          ],
        },
        {
          role: 'user',
          content: [
            { type: 'tool_result', tool_use_id: 'toolu_1', content: 'a cat' },
            { type: 'tool_result', tool_use_id: 'toolu_2', content: 'nothing', is_error: true },
            { type: 'text', text: 'And now?' },
          ],
        },
      ],
      tools: [
        {
          name: 'lookup',
          description: 'Look things up',
          input_schema: { type: 'object', properties: { q: { type: 'string' } } },
          cache_control: { type: 'ephemeral' },
        },
        { name: 'noop', input_schema: { type: 'object', properties: {} } },
      ],
      tool_choice: { type: 'auto', disable_parallel_tool_use: true },
      temperature: 0.3,
      stop_sequences: ['END'],
      metadata: { user_id: 'user-42' },
      stream: false,
    });
    expect(warnings).toEqual([]);
  });

  it('puts tool results before the text of the same user turn, whatever the canonical order', () => {
    const { body } = encode({
      messages: [
        { role: 'assistant', content: [{ type: 'tool-call', id: 't1', name: 'f', arguments: '{}' }] },
        { role: 'user', content: [{ type: 'text', text: 'by the way' }] },
        { role: 'tool', content: [{ type: 'tool-result', toolCallId: 't1', content: [] }] },
      ],
    });
    expect(body.messages).toEqual([
      { role: 'assistant', content: [{ type: 'tool_use', id: 't1', name: 'f', input: {} }] },
      { role: 'user', content: [{ type: 'tool_result', tool_use_id: 't1' }, { type: 'text', text: 'by the way' }] },
    ]);
  });

  it('merges consecutive turns of the same role and drops empty text', () => {
    const { body } = encode({
      messages: [
        { role: 'user', content: [{ type: 'text', text: 'one' }] },
        { role: 'user', content: [{ type: 'text', text: '' }, { type: 'text', text: 'two' }] },
        { role: 'assistant', content: [] },
        { role: 'user', content: [{ type: 'text', text: 'three' }] },
        { role: 'assistant', content: [{ type: 'text', text: 'a' }] },
        { role: 'assistant', content: [{ type: 'text', text: 'b' }] },
      ],
    });
    expect(body.messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'one' }, { type: 'text', text: 'two' }, { type: 'text', text: 'three' }] },
      { role: 'assistant', content: [{ type: 'text', text: 'a' }, { type: 'text', text: 'b' }] },
    ]);
  });

  it('keeps every system and developer message in order, warning when one comes mid-conversation', () => {
    const { body, warnings } = encode({
      messages: [
        { role: 'system', content: [{ type: 'text', text: 'first' }] },
        { role: 'user', content: [{ type: 'text', text: 'hi' }] },
        { role: 'developer', content: [{ type: 'text', text: 'second' }] },
      ],
    });
    expect(body.system).toEqual([
      { type: 'text', text: 'first' },
      { type: 'text', text: 'second' },
    ]);
    expect(warnings).toEqual([expect.objectContaining({ type: 'unsupported-value', field: 'messages[2]' })]);
  });

  it('applies the model default max_tokens with a warning when none is given', () => {
    const { body, warnings } = encodeAnthropicMessagesRequest({ model: 'claude-3-5-haiku-20241022', stream: true, messages: [] });
    expect(body.max_tokens).toBe(8192);
    expect(body.stream).toBe(true);
    expect(warnings).toEqual([expect.objectContaining({ type: 'default-applied', field: 'maxOutputTokens' })]);
    expect(encodeAnthropicMessagesRequest({ model: 'claude-sonnet-4-5', stream: false, messages: [] }).body.max_tokens).toBe(64000);
  });

  it('sends reasoning back as signed thinking and redacted thinking, dropping what Anthropic cannot verify', () => {
    const { body, warnings } = encode({
      messages: [
        { role: 'user', content: [{ type: 'text', text: 'q' }] },
        {
          role: 'assistant',
          content: [
            { type: 'reasoning', text: 'hmm', signature: 'sig-1', provider: 'anthropic' },
            { type: 'reasoning', text: '', redactedData: 'EvgF', provider: 'anthropic' },
            { type: 'reasoning', text: 'no provider named', signature: 'sig-2' },
            { type: 'reasoning', text: 'from openai', redactedData: 'gAAAA', provider: 'openai' },
            { type: 'reasoning', text: 'deepseek thoughts' },
            { type: 'text', text: 'answer' },
          ],
        },
      ],
    });
    expect((body.messages as any[])[1].content).toEqual([
      { type: 'thinking', thinking: 'hmm', signature: 'sig-1' },
      { type: 'redacted_thinking', data: 'EvgF' },
      { type: 'thinking', thinking: 'no provider named', signature: 'sig-2' },
      { type: 'text', text: 'answer' },
    ]);
    expect(warnings.map((warning) => warning.field)).toEqual(['messages[1].content[3]', 'messages[1].content[4]']);
  });

  it("sends Claude-on-Bedrock's signed and redacted thinking back as Claude's own", () => {
    const { body, warnings } = encode({
      messages: [
        { role: 'user', content: [{ type: 'text', text: 'q' }] },
        {
          role: 'assistant',
          content: [
            { type: 'reasoning', text: 'plan', signature: 'bedrock-sig', provider: 'bedrock' },
            { type: 'reasoning', text: '', redactedData: 'EvgF', provider: 'bedrock' },
            { type: 'text', text: 'answer' },
          ],
        },
      ],
    });
    expect((body.messages as any[])[1].content).toEqual([
      { type: 'thinking', thinking: 'plan', signature: 'bedrock-sig' },
      { type: 'redacted_thinking', data: 'EvgF' },
      { type: 'text', text: 'answer' },
    ]);
    expect(warnings).toEqual([]);
  });

  it('maps a reasoning effort to a thinking budget below max_tokens, saying so', () => {
    const { body, warnings } = encode({ maxOutputTokens: 20_000, reasoning: { effort: 'high' } });
    expect(body.thinking).toEqual({ type: 'enabled', budget_tokens: 16_384 });
    expect(warnings).toEqual([expect.objectContaining({ type: 'default-applied', field: 'reasoning.effort' })]);

    const lowered = encode({ maxOutputTokens: 4000, reasoning: { effort: 'xhigh' } });
    expect(lowered.body.thinking).toEqual({ type: 'enabled', budget_tokens: 3999 });

    const tooSmall = encode({ maxOutputTokens: 500, reasoning: { effort: 'low' } });
    expect(tooSmall.body.thinking).toBeUndefined();
    expect(tooSmall.warnings.at(-1)).toMatchObject({ type: 'unsupported-value', field: 'reasoning.effort' });

    expect(encode({ reasoning: { effort: 'none' } }).body.thinking).toBeUndefined();
    expect(encode({ reasoning: { budgetTokens: 0 } }).body.thinking).toBeUndefined();
  });

  it('sends an explicit budget as is and refuses one that does not fit under max_tokens', () => {
    expect(encode({ maxOutputTokens: 4096, reasoning: { budgetTokens: 1024 } }).body.thinking).toEqual({ type: 'enabled', budget_tokens: 1024 });
    const error = thrown(() => encode({ maxOutputTokens: 2000, reasoning: { budgetTokens: 2000 } }));
    expect(error.kind).toBe('invalid_request');
    expect(error.param).toBe('reasoning.budgetTokens');
  });

  it('turns thinking off when a tool loop continues without the signed thinking block', () => {
    const messages: ChatRequest['messages'] = [
      { role: 'user', content: [{ type: 'text', text: 'weather?' }] },
      { role: 'assistant', content: [{ type: 'reasoning', text: 'lost signature' }, { type: 'tool-call', id: 't1', name: 'weather', arguments: '{}' }] },
      { role: 'tool', content: [{ type: 'tool-result', toolCallId: 't1', content: [{ type: 'text', text: 'sunny' }] }] },
    ];
    const { body, warnings } = encode({ messages, reasoning: { budgetTokens: 512 } });
    expect(body.thinking).toBeUndefined();
    expect(warnings.map((warning) => warning.field)).toEqual(['messages[1].content[0]', 'reasoning']);

    const signed = encode({
      messages: [messages[0]!, { ...messages[1]!, content: [{ type: 'reasoning', text: 'kept', signature: 'sig', provider: 'anthropic' }, messages[1]!.content[1]!] } as ChatRequest['messages'][number], messages[2]!],
      reasoning: { budgetTokens: 512 },
    });
    expect(signed.body.thinking).toEqual({ type: 'enabled', budget_tokens: 512 });
  });

  it('drops sampling settings thinking forbids, and top_p where the model takes only one of the two', () => {
    const thinking = encode({ reasoning: { budgetTokens: 512 }, temperature: 0.5, topK: 5, topP: 0.9 });
    expect(thinking.body).not.toHaveProperty('temperature');
    expect(thinking.body).not.toHaveProperty('top_k');
    expect(thinking.body).not.toHaveProperty('top_p');
    expect(thinking.warnings.map((warning) => warning.field)).toEqual(['temperature', 'topK', 'topP']);
    expect(encode({ reasoning: { budgetTokens: 512 }, temperature: 1, topP: 0.95 }).body).toMatchObject({ temperature: 1 });

    const both = encode({ temperature: 0.2, topP: 0.8, topK: 40 });
    expect(both.body).toMatchObject({ temperature: 0.2, top_k: 40 });
    expect(both.body).not.toHaveProperty('top_p');
    expect(both.warnings).toEqual([expect.objectContaining({ field: 'topP' })]);
    expect(encode({ model: 'claude-sonnet-4-20250514', temperature: 0.2, topP: 0.8 }).body).toMatchObject({ temperature: 0.2, top_p: 0.8 });
  });

  it('maps tool choices', () => {
    const tools = [{ name: 'f', parameters: { type: 'object' } }];
    expect(encode({ tools, toolChoice: { type: 'required' } }).body.tool_choice).toEqual({ type: 'any' });
    expect(encode({ tools, toolChoice: { type: 'none' }, parallelToolCalls: false }).body.tool_choice).toEqual({ type: 'none' });
    expect(encode({ tools, toolChoice: { type: 'tool', name: 'f' }, parallelToolCalls: false }).body.tool_choice).toEqual({
      type: 'tool',
      name: 'f',
      disable_parallel_tool_use: true,
    });
    expect(encode({ tools, parallelToolCalls: true }).body).not.toHaveProperty('tool_choice');
    const withoutTools = encode({ toolChoice: { type: 'required' } });
    expect(withoutTools.body).not.toHaveProperty('tool_choice');
    expect(withoutTools.warnings).toEqual([expect.objectContaining({ field: 'toolChoice' })]);
  });

  it('fits strict tool schemas and the json_schema response format to structured outputs', () => {
    const { body, warnings } = encode({
      tools: [{ name: 'f', strict: true, parameters: { type: 'object', properties: { n: { type: 'integer', minimum: 1 } }, required: ['n'] } }],
      responseFormat: { type: 'json_schema', name: 'answer', schema: { type: 'object', properties: { amount: { type: 'number' } }, additionalProperties: false } },
    });
    expect(body.tools).toEqual([
      {
        name: 'f',
        input_schema: {
          type: 'object',
          properties: { n: { type: 'integer', description: '{minimum: 1}' } },
          additionalProperties: false,
          required: ['n'],
        },
        strict: true,
      },
    ]);
    expect(body.output_config).toEqual({
      format: { type: 'json_schema', schema: { type: 'object', properties: { amount: { type: 'number' } }, additionalProperties: false } },
    });
    expect(body).not.toHaveProperty('output_format');
    expect(warnings.map((warning) => [warning.type, warning.field])).toEqual([
      ['unsupported-value', 'tools[0].parameters'],
      ['default-applied', 'tools[0].parameters'],
    ]);
  });

  it('warns that json_object has no Anthropic equivalent', () => {
    const { body, warnings } = encode({ responseFormat: { type: 'json_object' } });
    expect(body).not.toHaveProperty('output_config');
    expect(warnings).toEqual([expect.objectContaining({ type: 'unsupported-value', field: 'responseFormat' })]);
  });

  it('warns about every field Anthropic cannot express', () => {
    const { body, warnings } = encode({
      seed: 1,
      presencePenalty: 0.1,
      frequencyPenalty: 0.2,
      logprobs: true,
      topLogprobs: 2,
      n: 2,
      metadata: { tenant: 'a' },
      reasoning: { summary: 'auto' },
    });
    expect(warnings.map((warning) => warning.field).sort()).toEqual(
      ['frequencyPenalty', 'logprobs', 'metadata', 'n', 'presencePenalty', 'reasoning.summary', 'seed', 'topLogprobs'].sort(),
    );
    for (const key of ['seed', 'presence_penalty', 'frequency_penalty', 'logprobs', 'n', 'metadata']) expect(body).not.toHaveProperty(key);
  });

  it("puts a Messages client's extras back verbatim and names other formats' extras in warnings", () => {
    const { body, warnings } = encode({
      responseFormat: { type: 'json_schema', name: 'x', schema: { type: 'object', properties: {}, additionalProperties: false } },
      tools: [{ name: 'f', parameters: { type: 'object' } }],
      providerOptions: {
        'anthropic-messages': {
          service_tier: 'auto',
          cache_control: { type: 'ephemeral' },
          model: 'not-this-one',
          output_config: { effort: 'max' },
          tools: [{ type: 'web_search_20250305', name: 'web_search' }],
        },
        'openai-chat': { logit_bias: { '1': 2 } },
        google: { safetySettings: [] },
      },
    });
    expect(body).toMatchObject({
      model: 'claude-sonnet-4-5',
      service_tier: 'auto',
      cache_control: { type: 'ephemeral' },
      output_config: { effort: 'max', format: { type: 'json_schema' } },
    });
    expect(body.tools).toEqual([
      { name: 'f', input_schema: { type: 'object' } },
      { type: 'web_search_20250305', name: 'web_search' },
    ]);
    expect(warnings).toEqual([expect.objectContaining({ type: 'unsupported-field', field: 'logit_bias' })]);
  });

  it('sends PDFs by URL and file id, text documents inline, and images given as files as images', () => {
    const { body } = encode({
      messages: [
        {
          role: 'user',
          content: [
            { type: 'file', source: { type: 'url', url: 'https://example.com/a.pdf' }, mediaType: 'application/pdf' },
            { type: 'file', source: { type: 'file-id', fileId: 'file_011' } },
            { type: 'file', source: { type: 'base64', mediaType: 'text/plain', data: Buffer.from('plain words').toString('base64') } },
            { type: 'file', source: { type: 'base64', mediaType: 'image/png', data: 'iVBOR' } },
            { type: 'image', source: { type: 'file-id', fileId: 'file_012' } },
          ],
        },
      ],
    });
    expect((body.messages as any[])[0].content).toEqual([
      { type: 'document', source: { type: 'url', url: 'https://example.com/a.pdf' } },
      { type: 'document', source: { type: 'file', file_id: 'file_011' } },
      { type: 'document', source: { type: 'text', media_type: 'text/plain', data: 'plain words' } },
      { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBOR' } },
      { type: 'image', source: { type: 'file', file_id: 'file_012' } },
    ]);
  });

  it('refuses what Anthropic cannot take, naming the field', () => {
    const badUrl = thrown(() => encode({ messages: [{ role: 'user', content: [{ type: 'image', source: { type: 'url', url: 'gs://bucket/cat.png' } }] }] }));
    expect(badUrl).toMatchObject({ kind: 'invalid_request', param: 'messages[0].content[0].source' });

    const audio = thrown(() => encode({ messages: [{ role: 'user', content: [{ type: 'audio', data: 'UklGR', format: 'wav' }] }] }));
    expect(audio).toMatchObject({ kind: 'unsupported', param: 'messages[0].content[0]' });

    const spreadsheet = thrown(() =>
      encode({ messages: [{ role: 'user', content: [{ type: 'file', source: { type: 'base64', mediaType: 'application/vnd.ms-excel', data: 'AA' } }] }] }),
    );
    expect(spreadsheet).toMatchObject({ kind: 'unsupported', param: 'messages[0].content[0]' });

    const badArguments = thrown(() => encode({ messages: [{ role: 'assistant', content: [{ type: 'tool-call', id: 't', name: 'f', arguments: '{"cut' }] }] }));
    expect(badArguments).toMatchObject({ kind: 'invalid_request', param: 'messages[0].content[0].arguments' });
  });
});
