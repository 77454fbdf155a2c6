import { describe, expect, it } from 'vitest';
import { deriveOpenAIResponsesItemId, toOpenAIResponsesId } from './openai-responses-ids.js';

describe('Responses ids', () => {
  it('keeps a Responses id and prefixes any other', () => {
    expect(toOpenAIResponsesId('resp_0b028a7a2aca8d68')).toBe('resp_0b028a7a2aca8d68');
    expect(toOpenAIResponsesId('msg_01XFDUDYJgAACzvnptvVoYEL')).toBe('resp_msg_01XFDUDYJgAACzvnptvVoYEL');
    expect(toOpenAIResponsesId('chatcmpl-C4GmWI2Sl7')).toBe('resp_chatcmpl-C4GmWI2Sl7');
  });

  it('derives stable item ids from the response id and the output index', () => {
    expect(deriveOpenAIResponsesItemId('resp_abc', 'message', 0)).toBe('msg_abc_0');
    expect(deriveOpenAIResponsesItemId('resp_abc', 'function_call', 2)).toBe('fc_abc_2');
    expect(deriveOpenAIResponsesItemId('resp_msg_01X', 'reasoning', 1)).toBe('rs_msg_01X_1');
  });
});
