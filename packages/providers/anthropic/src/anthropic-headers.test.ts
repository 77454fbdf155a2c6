import type { ProviderCallContext, ProviderSettings } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { anthropicHeaders, requiredAnthropicBetas } from './anthropic-headers.js';

function context(requestHeaders: Record<string, string> = {}, settings: ProviderSettings = {}): ProviderCallContext {
  return {
    settings,
    requestHeaders,
    http: { request: async () => Promise.reject(new Error('unused')) },
    signal: new AbortController().signal,
    warn: () => {},
  };
}

describe('anthropicHeaders', () => {
  it('sends the key, the default version and the accept header for the call', () => {
    expect(anthropicHeaders(context({}, { apiKey: 'sk-ant' }), { stream: true })).toEqual({
      'content-type': 'application/json',
      accept: 'text/event-stream',
      'anthropic-version': '2023-06-01',
      'x-api-key': 'sk-ant',
    });
    expect(anthropicHeaders(context(), { stream: false }).accept).toBe('application/json');
  });

  it('takes the version from the header API first, then a bare anthropic-version, then the instance', () => {
    const settings = { options: { anthropicVersion: '2023-01-01' } };
    expect(anthropicHeaders(context({}, settings), { stream: false })['anthropic-version']).toBe('2023-01-01');
    expect(anthropicHeaders(context({ 'anthropic-version': '2024-02-02' }, settings), { stream: false })['anthropic-version']).toBe('2024-02-02');
    expect(
      anthropicHeaders(context({ 'anthropic-version': '2024-02-02', 'x-portkey-anthropic-version': '2025-03-03' }, settings), { stream: false })[
        'anthropic-version'
      ],
    ).toBe('2025-03-03');
    expect(
      anthropicHeaders(
        context({ 'x-portkey-anthropic-version': '2025-03-03', 'x-switchyard-anthropic-version': '2026-04-04' }, settings),
        { stream: false },
      )['anthropic-version'],
    ).toBe('2026-04-04');
    expect(anthropicHeaders(context({}, { headers: { 'Anthropic-Version': '2022-12-12' } }), { stream: false })['anthropic-version']).toBe('2022-12-12');
  });

  it('merges betas from the request, the header API, the instance and the body, each once', () => {
    const headers = anthropicHeaders(
      context(
        {
          'anthropic-beta': 'interleaved-thinking-2025-05-14, files-api-2025-04-14',
          'x-switchyard-anthropic-beta': 'context-1m-2025-08-07',
          'x-portkey-anthropic-beta': 'ignored-when-native-is-sent',
        },
        { headers: { 'anthropic-beta': 'token-efficient-tools-2025-02-19', 'x-custom': 'yes' }, options: { anthropicBeta: ['mcp-client-2025-04-04'] } },
      ),
      { stream: false, betas: ['files-api-2025-04-14'] },
    );
    expect(headers['anthropic-beta']).toBe(
      'interleaved-thinking-2025-05-14,files-api-2025-04-14,context-1m-2025-08-07,token-efficient-tools-2025-02-19,mcp-client-2025-04-04',
    );
    expect(headers['x-custom']).toBe('yes');
    expect(anthropicHeaders(context({ 'x-portkey-anthropic-beta': 'a,b' }), { stream: false })['anthropic-beta']).toBe('a,b');
    expect(anthropicHeaders(context(), { stream: false })).not.toHaveProperty('anthropic-beta');
  });

  it('lets the instance key win over a key in the instance headers', () => {
    expect(anthropicHeaders(context({}, { apiKey: 'right', headers: { 'x-api-key': 'wrong' } }), { stream: false })['x-api-key']).toBe('right');
  });
});

describe('requiredAnthropicBetas', () => {
  it('asks for the Files API when a block or a tool result uses a file id', () => {
    expect(requiredAnthropicBetas({ messages: [{ role: 'user', content: [{ type: 'document', source: { type: 'file', file_id: 'f' } }] }] })).toEqual([
      'files-api-2025-04-14',
    ]);
    expect(
      requiredAnthropicBetas({
        messages: [{ role: 'user', content: [{ type: 'tool_result', tool_use_id: 't', content: [{ type: 'image', source: { type: 'file', file_id: 'f' } }] }] }],
      }),
    ).toEqual(['files-api-2025-04-14']);
  });

  it('asks for the structured-outputs beta only for the old output_format field', () => {
    expect(requiredAnthropicBetas({ messages: [], output_config: { format: {} } })).toEqual([]);
    expect(requiredAnthropicBetas({ messages: [], output_format: { type: 'json_schema', schema: {} } })).toEqual(['structured-outputs-2025-11-13']);
  });
});
