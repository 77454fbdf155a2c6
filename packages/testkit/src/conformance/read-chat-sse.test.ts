import { describe, expect, it } from 'vitest';
import { readChatSse } from './read-chat-sse.js';

describe('readChatSse', () => {
  it('reads data payloads in order across line-ending styles, skipping comments, and marks [DONE]', () => {
    const body = ': ping\n\ndata: {"a":1}\r\n\r\ndata: {"b":\ndata: 2}\n\ndata: [DONE]\n\n';
    expect(readChatSse(body)).toEqual([{ done: false, chunk: { a: 1 } }, { done: false, chunk: { b: 2 } }, { done: true }]);
  });
});
