import { GatewayError } from '@switchyard/core';
import { fixturesFor } from '@switchyard/testkit';
import { describe, expect, it } from 'vitest';
import { decodeAnthropicMessagesRequest } from './decode-anthropic-messages-request.js';
import { encodeAnthropicMessagesRequest } from './encode-anthropic-messages-request.js';

function thrown(run: () => unknown): GatewayError {
  try {
    run();
  } catch (error) {
    if (GatewayError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected an error');
}

describe('decodeAnthropicMessagesRequest', () => {
  it('decodes system, tool results, thinking and tools into canonical', () => {
    const { request, warnings } = decodeAnthropicMessagesRequest({
      model: 'claude-sonnet-4-5',
      max_tokens: 2048,
      system: [
        { type: 'text', text: 'Be terse.', cache_control: { type: 'ephemeral', ttl: '1h' } },
        { type: 'text', text: 'Use tools.' },
      ],
      messages: [
        { role: 'user', content: 'weather in Paris?' },
        {
          role: 'assistant',
          content: [
            { type: 'thinking', thinking: 'call the tool', signature: 'sig' },
            { type: 'redacted_thinking', data: 'EvgF' },
            { type: 'tool_use', id: 'toolu_1', name: 'weather', input: { city: 'Paris' } },
          ],
        },
        {
          role: 'user',
          content: [
            { type: 'tool_result', tool_use_id: 'toolu_1', content: [{ type: 'text', text: 'sunny' }], is_error: false },
            { type: 'text', text: 'thanks' },
            { type: 'image', source: { type: 'url', url: 'https://example.com/p.png' } },
            { type: 'document', source: { type: 'text', media_type: 'text/plain', data: 'notes' }, title: 'notes.txt' },
          ],
        },
      ],
      tools: [
        { name: 'weather', description: 'Weather', input_schema: { type: 'object', properties: { city: { type: 'string' } } } },
        { type: 'web_search_20250305', name: 'web_search', max_uses: 3 },
      ],
      tool_choice: { type: 'any', disable_parallel_tool_use: true },
      thinking: { type: 'enabled', budget_tokens: 1024 },
      metadata: { user_id: 'u1' },
      stop_sequences: ['END'],
      temperature: 1,
      top_k: 10,
      stream: true,
      service_tier: 'auto',
    });
    expect(request).toEqual({
      model: 'claude-sonnet-4-5',
      stream: true,
      maxOutputTokens: 2048,
      messages: [
        {
          role: 'system',
          content: [
            { type: 'text', text: 'Be terse.', cache: { type: 'ephemeral', ttl: '1h' } },
            { type: 'text', text: 'Use tools.' },
          ],
        },
        { role: 'user', content: [{ type: 'text', text: 'weather in Paris?' }] },
        {
          role: 'assistant',
          content: [
            { type: 'reasoning', text: 'call the tool', signature: 'sig', provider: 'anthropic' },
            { type: 'reasoning', text: '', redactedData: 'EvgF', provider: 'anthropic' },
            { type: 'tool-call', id: 'toolu_1', name: 'weather', arguments: '{"city":"Paris"}' },
          ],
        },
        { role: 'tool', content: [{ type: 'tool-result', toolCallId: 'toolu_1', content: [{ type: 'text', text: 'sunny' }], isError: false }] },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'thanks' },
            { type: 'image', source: { type: 'url', url: 'https://example.com/p.png' } },
            {
              type: 'file',
              source: { type: 'base64', mediaType: 'text/plain', data: Buffer.from('notes').toString('base64') },
              mediaType: 'text/plain',
              filename: 'notes.txt',
            },
          ],
        },
      ],
      tools: [{ name: 'weather', description: 'Weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } }],
      toolChoice: { type: 'required' },
      parallelToolCalls: false,
      reasoning: { budgetTokens: 1024 },
      user: 'u1',
      stop: ['END'],
      temperature: 1,
      topK: 10,
      providerOptions: { 'anthropic-messages': { service_tier: 'auto', tools: [{ type: 'web_search_20250305', name: 'web_search', max_uses: 3 }] } },
    });
    expect(warnings).toEqual([]);
  });

  it('reads an empty thinking signature (the placeholder for unsigned thoughts) as no signature', () => {
    const { request, warnings } = decodeAnthropicMessagesRequest({
      model: 'm',
      max_tokens: 10,
      messages: [
        { role: 'user', content: 'q' },
        { role: 'assistant', content: [{ type: 'thinking', thinking: 'deepseek thoughts', signature: '' }, { type: 'text', text: 'a' }] },
        { role: 'user', content: 'more' },
      ],
    });
    expect(request.messages[1]!.content[0]).toEqual({ type: 'reasoning', text: 'deepseek thoughts', provider: 'anthropic' });
    expect(warnings).toEqual([]);
  });

  it('reads structured outputs in both the GA and the beta spelling, and effort', () => {
    const schema = { type: 'object', properties: { a: { type: 'string' } }, additionalProperties: false };
    const general = decodeAnthropicMessagesRequest({
      model: 'm',
      max_tokens: 10,
      messages: [],
      output_config: { format: { type: 'json_schema', schema }, effort: 'medium' },
    });
    expect(general.request.responseFormat).toEqual({ type: 'json_schema', name: 'response', schema });
    expect(general.request.reasoning).toEqual({ effort: 'medium' });
    expect(general.warnings).toEqual([expect.objectContaining({ type: 'default-applied', field: 'output_config.format' })]);

    const beta = decodeAnthropicMessagesRequest({ model: 'm', max_tokens: 10, messages: [], output_format: { type: 'json_schema', schema } });
    expect(beta.request.responseFormat).toEqual({ type: 'json_schema', name: 'response', schema });

    const max = decodeAnthropicMessagesRequest({ model: 'm', max_tokens: 10, messages: [], output_config: { effort: 'max' }, thinking: { type: 'adaptive' } });
    expect(max.request.reasoning).toBeUndefined();
    expect(max.request.providerOptions).toEqual({ 'anthropic-messages': { output_config: { effort: 'max' }, thinking: { type: 'adaptive' } } });
  });

  it('warns about blocks with no canonical home', () => {
    const { request, warnings } = decodeAnthropicMessagesRequest({
      model: 'm',
      max_tokens: 10,
      messages: [
        { role: 'user', content: [{ type: 'search_result', source: 'x', title: 't', content: [] }, { type: 'text', text: 'hi', citations: [] }] },
        { role: 'assistant', content: [{ type: 'server_tool_use', id: 'srvtoolu_1', name: 'web_search', input: {} }] },
      ],
      metadata: { user_id: 'u', tenant: 't' },
    });
    expect(request.messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'hi' }] },
      { role: 'assistant', content: [] },
    ]);
    expect(warnings.map((warning) => warning.field)).toEqual([
      'messages.0.content.0',
      'messages.0.content.1.citations',
      'messages.1.content.0',
      'metadata.tenant',
    ]);
  });

  it('names the field at fault the way Anthropic does', () => {
    expect(thrown(() => decodeAnthropicMessagesRequest({ model: 'm', messages: [] })).message).toBe('max_tokens: Field required');
    expect(thrown(() => decodeAnthropicMessagesRequest({ model: 'm', messages: [] })).param).toBe('max_tokens');
    const role = thrown(() => decodeAnthropicMessagesRequest({ model: 'm', max_tokens: 1, messages: [{ role: 'system', content: 'x' }] }));
    expect(role.param).toBe('messages.0.role');
    expect(role.message).toBe("messages.0.role: Input should be 'user' or 'assistant'");
    const source = thrown(() =>
      decodeAnthropicMessagesRequest({
        model: 'm',
        max_tokens: 1,
        messages: [{ role: 'user', content: [{ type: 'image', source: { type: 'base64', media_type: 'image/png' } }] }],
      }),
    );
    expect(source.message).toBe('messages.0.content.0.source.data: Field required');
    const maxTokens = thrown(() => decodeAnthropicMessagesRequest({ model: 'm', max_tokens: 'lots', messages: [] }));
    expect(maxTokens.message).toBe('max_tokens: Input should be a valid number');
    expect(thrown(() => decodeAnthropicMessagesRequest({ model: 'm', max_tokens: 1, messages: [{ role: 'user', content: 5 }] })).message).toBe(
      'messages.0.content: Input should be a valid string or a valid list',
    );
    expect(thrown(() => decodeAnthropicMessagesRequest({ model: 'm', max_tokens: 1, messages: [], tool_choice: { type: 'bogus' } })).message).toBe(
      "tool_choice.type: Input tag \"bogus\" does not match any of the expected tags: 'auto', 'any', 'tool', 'none'",
    );
    expect(thrown(() => decodeAnthropicMessagesRequest([])).kind).toBe('invalid_request');
  });
});

const lookup = fixturesFor('anthropic');
if (!lookup.found) console.warn(`anthropic request fixtures skipped: ${lookup.reason}`);

/** What the Messages API treats as the same request: string content and system as text blocks. */
function normalise(body: Record<string, any>): Record<string, any> {
  const blocks = (content: unknown) => (typeof content === 'string' ? [{ type: 'text', text: content }] : content);
  const normalised: Record<string, any> = { ...body, messages: body.messages.map((message: any) => ({ ...message, content: blocks(message.content) })) };
  if (body.system !== undefined) normalised.system = blocks(body.system);
  return normalised;
}

describe.skipIf(!lookup.found)('recorded Messages requests survive decode → encode', () => {
  const fixtures = lookup.found ? lookup.fixtures : undefined;
  const cases = fixtures ? fixtures.cases().filter((name) => fixtures.has(`${name}.request.json`)) : [];

  it.each(cases)('%s', (name) => {
    const recorded = fixtures!.json(`${name}.request.json`);
    const { request } = decodeAnthropicMessagesRequest({ max_tokens: 4096, ...recorded });
    const { body, warnings } = encodeAnthropicMessagesRequest(request);
    const expected = normalise({ max_tokens: 4096, stream: false, ...recorded });
    expect(body).toEqual(expected);
    expect(warnings).toEqual([]);
  });
});
