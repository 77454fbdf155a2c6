import { GatewayError } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { readBatchInputFile } from './read-batch-input-file.js';

function content(text: string, size = 5): AsyncIterable<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  return (async function* () {
    for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
  })();
}

const line = (customId: string, body: Record<string, unknown>, url = '/v1/chat/completions') => JSON.stringify({ custom_id: customId, method: 'POST', url, body });
const chat = (model: string, text: string) => ({ model, max_tokens: 20, messages: [{ role: 'system', content: 'Be short.' }, { role: 'user', content: text }] });
const options = { fileId: 'file-abc', endpoint: '/v1/chat/completions', resolveModel: (model: string) => model.replace(/^@claude\//, '') };

async function failure(text: string): Promise<GatewayError> {
  const error = await readBatchInputFile(content(text), options).catch((caught: unknown) => caught);
  expect(GatewayError.isInstance(error)).toBe(true);
  return error as GatewayError;
}

describe('readBatchInputFile', () => {
  it('decodes each line to a canonical chat request, across chunk boundaries and multi-byte text', async () => {
    const items = await readBatchInputFile(content(`${line('a', chat('@claude/claude-haiku-4-5', 'héllo ✓'))}\r\n\n${line('b', chat('claude-sonnet-4-5', 'two'))}`), options);
    expect(items.map((item) => item.customId)).toEqual(['a', 'b']);
    expect(items[0]!.request).toMatchObject({
      model: 'claude-haiku-4-5',
      maxOutputTokens: 20,
      messages: [
        { role: 'system', content: [{ type: 'text', text: 'Be short.' }] },
        { role: 'user', content: [{ type: 'text', text: 'héllo ✓' }] },
      ],
    });
    expect(items[1]!.request.model).toBe('claude-sonnet-4-5');
  });

  it.each([
    ['not JSON', `${line('a', chat('m', 'x'))}\n{oops`, /^Line 2 of input file file-abc: not valid JSON/],
    ['another url', `${line('a', chat('m', 'x'), '/v1/embeddings')}`, /^Line 1 .*url is "\/v1\/embeddings"/],
    ['a duplicate custom_id', `${line('a', chat('m', 'x'))}\n${line('a', chat('m', 'y'))}`, /^Line 2 .*custom_id "a" is used by an earlier line/],
    ['no custom_id', JSON.stringify({ method: 'POST', url: '/v1/chat/completions', body: chat('m', 'x') }), /^Line 1 .*custom_id is required/],
    ['no model', line('a', { messages: [{ role: 'user', content: 'x' }] }), /^Line 1 .*body.model is required/],
    ['a body the codec refuses', line('a', { model: 'm', messages: 'nope' }), /^Line 1 of input file file-abc: body: /],
    ['streaming', line('a', { ...chat('m', 'x'), stream: true }), /^Line 1 .*stream/],
    ['nothing', '\n\n', /holds no requests/],
  ])('refuses %s with a 400 naming the line', async (_name, text, message) => {
    const error = await failure(text);
    expect(error.status).toBe(400);
    expect(error.param).toBe('input_file_id');
    expect(error.message).toMatch(message);
  });

  it('passes on the model resolver\'s refusal with the line', async () => {
    const error = await readBatchInputFile(content(line('a', chat('@other/m', 'x'))), {
      ...options,
      resolveModel: () => {
        throw new GatewayError('invalid_request', 'names provider "other"');
      },
    }).catch((caught: unknown) => caught);
    expect((error as GatewayError).message).toBe('Line 1 of input file file-abc: body: names provider "other"');
  });
});
