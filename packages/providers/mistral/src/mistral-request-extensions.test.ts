import type { ChatRequest, Warning } from '@switchyard/core';
import { encodeCompatibleRequest } from '@switchyard/provider-openai-compatible';
import { describe, expect, it } from 'vitest';
import { mistralPreset } from './mistral-preset.js';
import { mistralRequestExtensions } from './mistral-request-extensions.js';
import { toMistralToolCallId } from './to-mistral-tool-call-id.js';

function encode(request: ChatRequest) {
  const warnings: Warning[] = [];
  const body = encodeCompatibleRequest(request, mistralPreset, mistralRequestExtensions, { warn: (warning) => warnings.push(warning) });
  return { body: body as Record<string, any>, warnings };
}

describe('Mistral request extensions', () => {
  it('sends PDFs by URL or inline as document_url chunks, in place, and drops file ids with a warning', () => {
    const { body, warnings } = encode({
      model: 'mistral-medium-latest',
      stream: false,
      messages: [
        {
          role: 'user',
          content: [
            { type: 'file', source: { type: 'url', url: 'https://arxiv.org/pdf/1805.04770' }, mediaType: 'application/pdf' },
            { type: 'text', text: 'summarise' },
            { type: 'file', source: { type: 'base64', mediaType: 'application/pdf', data: 'JVBERi0=' } },
            { type: 'image', source: { type: 'url', url: 'https://example.com/cat.jpg' } },
            { type: 'file', source: { type: 'file-id', fileId: 'file-abc' } },
          ],
        },
      ],
    });
    expect(body.messages[0].content).toEqual([
      { type: 'document_url', document_url: 'https://arxiv.org/pdf/1805.04770' },
      { type: 'text', text: 'summarise' },
      { type: 'document_url', document_url: 'data:application/pdf;base64,JVBERi0=' },
      { type: 'image_url', image_url: { url: 'https://example.com/cat.jpg' } },
    ]);
    expect(warnings).toEqual([expect.objectContaining({ type: 'unsupported-value', field: 'messages[0].content[4]' })]);
  });

  it('rewrites tool call ids in calls and results alike, keeping 9-character ones', () => {
    const { body } = encode({
      model: 'mistral-large-latest',
      stream: false,
      messages: [
        { role: 'user', content: [{ type: 'text', text: 'go' }] },
        {
          role: 'assistant',
          content: [
            { type: 'tool-call', id: 'toolu_01T1x1fJ34qAmk2tNTrN7Up6', name: 'a', arguments: '{}' },
            { type: 'tool-call', id: 'gSIMJiOkT', name: 'b', arguments: '{}' },
          ],
        },
        {
          role: 'tool',
          content: [
            { type: 'tool-result', toolCallId: 'toolu_01T1x1fJ34qAmk2tNTrN7Up6', content: [{ type: 'text', text: '1' }] },
            { type: 'tool-result', toolCallId: 'gSIMJiOkT', content: [{ type: 'text', text: '2' }] },
          ],
        },
      ],
    });
    const mapped = toMistralToolCallId('toolu_01T1x1fJ34qAmk2tNTrN7Up6');
    expect(body.messages[1].tool_calls.map((call: { id: string }) => call.id)).toEqual([mapped, 'gSIMJiOkT']);
    expect(body.messages.slice(2).map((message: { tool_call_id: string }) => message.tool_call_id)).toEqual([mapped, 'gSIMJiOkT']);
  });
});
