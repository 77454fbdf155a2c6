import type { Warning } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { decodeBedrockResponse } from './decode-bedrock-response.js';

function decode(body: unknown, extra: { requestId?: string; answerToolName?: string } = {}) {
  const warnings: Warning[] = [];
  const response = decodeBedrockResponse(body, { model: 'm', requestId: 'req-1', ...extra, warn: (warning) => warnings.push(warning) });
  return { response, warnings };
}

describe('decodeBedrockResponse', () => {
  it('maps text, tool use, reasoning, usage and the stop reason; the id is the request id', () => {
    const { response, warnings } = decode({
      metrics: { latencyMs: 10 },
      output: {
        message: {
          role: 'assistant',
          content: [
            { reasoningContent: { reasoningText: { text: 'hmm', signature: 'sig' } } },
            { reasoningContent: { redactedContent: 'cmVkYWN0ZWQ=' } },
            { text: 'Calling.' },
            { toolUse: { toolUseId: 'tooluse_1', name: 'calc', input: { expression: '15 * 23' } } },
          ],
        },
      },
      stopReason: 'tool_use',
      usage: { inputTokens: 10, outputTokens: 5, totalTokens: 15 },
      serviceTier: { type: 'default' },
    });
    expect(response).toEqual({
      id: 'req-1',
      model: 'm',
      content: [
        { type: 'reasoning', text: 'hmm', signature: 'sig', provider: 'bedrock' },
        { type: 'reasoning', text: '', redactedData: 'cmVkYWN0ZWQ=', provider: 'bedrock' },
        { type: 'text', text: 'Calling.' },
        { type: 'tool-call', id: 'tooluse_1', name: 'calc', arguments: '{"expression":"15 * 23"}' },
      ],
      finishReason: { unified: 'tool-calls', raw: 'tool_use' },
      usage: { input: 10, output: 5, total: 15, raw: { inputTokens: 10, outputTokens: 5, totalTokens: 15 } },
      serviceTier: 'default',
      providerMetadata: { bedrock: { requestId: 'req-1', metrics: { latencyMs: 10 } } },
    });
    expect(warnings).toEqual([]);
  });

  it('turns the answer tool back into text and a normal stop', () => {
    const { response } = decode(
      {
        output: { message: { role: 'assistant', content: [{ toolUse: { toolUseId: 't', name: 'final_result', input: { city: 'London' } } }] } },
        stopReason: 'tool_use',
      },
      { answerToolName: 'final_result' },
    );
    expect(response.content).toEqual([{ type: 'text', text: '{"city":"London"}' }]);
    expect(response.finishReason).toEqual({ unified: 'stop', raw: 'tool_use' });
  });

  it('generates an id only when the request id header is missing, and says so', () => {
    const { response } = decode({ output: { message: { content: [{ text: 'x' }] } }, stopReason: 'end_turn' }, { requestId: undefined });
    expect(response.id).toMatch(/^bedrock-[0-9a-f-]{36}$/);
    expect(response.providerMetadata).toEqual({ bedrock: { generatedId: true } });
  });

  it('keeps blocks it cannot map in providerMetadata, with a warning', () => {
    const citations = { citationsContent: { content: [{ text: 'cited' }] } };
    const { response, warnings } = decode({ output: { message: { content: [citations] } }, stopReason: 'end_turn' });
    expect(response.content).toEqual([]);
    expect(response.providerMetadata?.bedrock).toMatchObject({ unmappedContent: [citations] });
    expect(warnings).toEqual([expect.objectContaining({ type: 'other', field: 'output.message.content[0]' })]);
  });

  it('refuses a body that is not a Converse answer', () => {
    expect(() => decode({ hello: 'world' })).toThrow(expect.objectContaining({ kind: 'upstream', status: 502 }));
  });
});
