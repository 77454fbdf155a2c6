import { describe, expect, it } from 'vitest';
import { functionCallItem, messageItem, outputContentPart, reasoningItem } from './openai-responses-output-items.js';

describe('output items', () => {
  it('are written as OpenAI writes them', () => {
    expect(messageItem('msg_1', 'completed', [outputContentPart({ type: 'text', text: 'Hi' }), outputContentPart({ type: 'refusal', text: 'No' })])).toEqual({
      id: 'msg_1',
      type: 'message',
      status: 'completed',
      content: [
        { type: 'output_text', annotations: [], logprobs: [], text: 'Hi' },
        { type: 'refusal', refusal: 'No' },
      ],
      role: 'assistant',
    });
    expect(functionCallItem('fc_1', 'in_progress', { id: 'call_1', name: 'f', arguments: '' })).toEqual({
      id: 'fc_1',
      type: 'function_call',
      status: 'in_progress',
      arguments: '',
      call_id: 'call_1',
      name: 'f',
    });
  });

  it('write reasoning as one summary part, with encrypted content only when there is some', () => {
    expect(reasoningItem('rs_1', { text: 'Plan', provider: 'openai', redactedData: 'gAAAA' })).toEqual({
      id: 'rs_1',
      type: 'reasoning',
      summary: [{ type: 'summary_text', text: 'Plan' }],
      encrypted_content: 'gAAAA',
    });
    expect(reasoningItem('rs_2', { text: '' })).toEqual({ id: 'rs_2', type: 'reasoning', summary: [] });
  });
});
