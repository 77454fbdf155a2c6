import { describe, expect, it } from 'vitest';
import { normalizeResponsesInputItems } from './normalize-responses-input-items.js';

describe('normalizeResponsesInputItems', () => {
  it('turns a string input into one user message item with an id derived from the response', () => {
    expect(normalizeResponsesInputItems('hello', 'resp_abc')).toEqual([
      { id: 'msg_abc_input_0', type: 'message', role: 'user', content: [{ type: 'input_text', text: 'hello' }] },
    ]);
  });

  it('types role-only items as messages, keeps given ids and every other field', () => {
    expect(
      normalizeResponsesInputItems(
        [
          { role: 'developer', content: 'be brief' },
          { role: 'assistant', content: 'earlier answer', id: 'msg_given' },
          { type: 'function_call', call_id: 'call_1', name: 'f', arguments: '{}' },
          { type: 'function_call_output', call_id: 'call_1', output: 'done' },
          { type: 'message', role: 'user', content: [{ type: 'input_image', image_url: 'https://x/y.png', detail: 'low' }] },
        ],
        'resp_abc',
      ),
    ).toEqual([
      { id: 'msg_abc_input_0', type: 'message', role: 'developer', content: [{ type: 'input_text', text: 'be brief' }] },
      { id: 'msg_given', type: 'message', role: 'assistant', content: [{ type: 'output_text', text: 'earlier answer' }] },
      { id: 'fc_abc_input_2', type: 'function_call', call_id: 'call_1', name: 'f', arguments: '{}' },
      { id: 'fco_abc_input_3', type: 'function_call_output', call_id: 'call_1', output: 'done' },
      { id: 'msg_abc_input_4', type: 'message', role: 'user', content: [{ type: 'input_image', image_url: 'https://x/y.png', detail: 'low' }] },
    ]);
  });

  it('lists nothing for an absent input', () => {
    expect(normalizeResponsesInputItems(undefined, 'resp_abc')).toEqual([]);
  });
});
