import { describe, expect, it } from 'vitest';
import { askStreamUsage } from './ask-stream-usage.js';
import { openAIChatProviderOptionsKey } from './decode-openai-chat-request.js';
import { encodeOpenAIChatRequest } from './encode-openai-chat-request.js';

describe('askStreamUsage', () => {
  it('turns an encoded body into a stream that reports usage, keeping the stream options the client set', () => {
    const { body } = encodeOpenAIChatRequest({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }],
      stream: true,
      providerOptions: { [openAIChatProviderOptionsKey]: { stream_options: { include_obfuscation: false } } },
    });
    expect(JSON.parse(JSON.stringify(askStreamUsage(body)))).toMatchObject({ model: 'gpt-4o-mini', stream: true, stream_options: { include_obfuscation: false, include_usage: true } });
  });

  it('asks for usage when the client asked for none, and overrides a client that turned it off', () => {
    expect(askStreamUsage({ model: 'm', stream: false }).stream_options).toEqual({ include_usage: true });
    expect(askStreamUsage({ model: 'm', stream: true, stream_options: { include_usage: false } })).toEqual({ model: 'm', stream: true, stream_options: { include_usage: true } });
  });
});
