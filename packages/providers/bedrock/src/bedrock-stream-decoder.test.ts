import { type StreamEvent, encodeAwsEventStreamMessage, createAwsEventStreamDecoder } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { type BedrockStreamDecoderOptions, createBedrockStreamDecoder } from './bedrock-stream-decoder.js';

function event(eventType: string, payload: object) {
  const bytes = encodeAwsEventStreamMessage(
    { ':event-type': eventType, ':content-type': 'application/json', ':message-type': 'event' },
    JSON.stringify({ ...payload, p: 'abcdefgh' }),
  );
  return createAwsEventStreamDecoder().push(bytes)[0]!;
}

function exception(type: string, payload: object) {
  const bytes = encodeAwsEventStreamMessage({ ':exception-type': type, ':content-type': 'application/json', ':message-type': 'exception' }, JSON.stringify(payload));
  return createAwsEventStreamDecoder().push(bytes)[0]!;
}

function run(messages: ReturnType<typeof event>[], options: Partial<BedrockStreamDecoderOptions> = {}): StreamEvent[] {
  const decoder = createBedrockStreamDecoder({ model: 'm', requestId: 'req-1', ...options });
  return [...messages.flatMap((message) => decoder.decode(message)), ...decoder.end()];
}

const usage = { inputTokens: 3, outputTokens: 4, totalTokens: 7 };

describe('createBedrockStreamDecoder', () => {
  it('streams text and finishes with the usage of the metadata event that follows messageStop', () => {
    const events = run([
      event('messageStart', { role: 'assistant' }),
      event('contentBlockDelta', { contentBlockIndex: 0, delta: { text: 'Hel' } }),
      event('contentBlockDelta', { contentBlockIndex: 0, delta: { text: 'lo' } }),
      event('contentBlockStop', { contentBlockIndex: 0 }),
      event('messageStop', { stopReason: 'end_turn' }),
      event('metadata', { usage, metrics: { latencyMs: 5 } }),
    ]);
    expect(events).toEqual([
      { type: 'start', id: 'req-1', model: 'm' },
      { type: 'text-delta', delta: 'Hel' },
      { type: 'text-delta', delta: 'lo' },
      {
        type: 'finish',
        finishReason: { unified: 'stop', raw: 'end_turn' },
        usage: { input: 3, output: 4, total: 7, raw: usage },
        providerMetadata: { bedrock: { metrics: { latencyMs: 5 } } },
      },
    ]);
  });

  it('indexes parallel tool calls and streams their argument fragments', () => {
    const events = run([
      event('messageStart', { role: 'assistant' }),
      event('contentBlockStart', { contentBlockIndex: 0, start: { toolUse: { toolUseId: 'tooluse_a', name: 'get_weather' } } }),
      event('contentBlockDelta', { contentBlockIndex: 0, delta: { toolUse: { input: '' } } }),
      event('contentBlockDelta', { contentBlockIndex: 0, delta: { toolUse: { input: '{"city":' } } }),
      event('contentBlockStart', { contentBlockIndex: 1, start: { toolUse: { toolUseId: 'tooluse_b', name: 'get_time' } } }),
      event('contentBlockDelta', { contentBlockIndex: 0, delta: { toolUse: { input: '"Paris"}' } } }),
      event('contentBlockDelta', { contentBlockIndex: 1, delta: { toolUse: { input: '{}' } } }),
      event('contentBlockStop', { contentBlockIndex: 0 }),
      event('contentBlockStop', { contentBlockIndex: 1 }),
      event('messageStop', { stopReason: 'tool_use' }),
      event('metadata', { usage }),
    ]);
    expect(events.slice(1, -1)).toEqual([
      { type: 'tool-call-start', index: 0, id: 'tooluse_a', name: 'get_weather' },
      { type: 'tool-call-delta', index: 0, argumentsDelta: '{"city":' },
      { type: 'tool-call-start', index: 1, id: 'tooluse_b', name: 'get_time' },
      { type: 'tool-call-delta', index: 0, argumentsDelta: '"Paris"}' },
      { type: 'tool-call-delta', index: 1, argumentsDelta: '{}' },
      { type: 'tool-call-end', index: 0 },
      { type: 'tool-call-end', index: 1 },
    ]);
    expect(events.at(-1)).toMatchObject({ type: 'finish', finishReason: { unified: 'tool-calls', raw: 'tool_use' } });
  });

  it('streams reasoning text, then its signature, and redacted reasoning', () => {
    const events = run([
      event('messageStart', { role: 'assistant' }),
      event('contentBlockDelta', { contentBlockIndex: 0, delta: { reasoningContent: { text: 'thinking' } } }),
      event('contentBlockDelta', { contentBlockIndex: 0, delta: { reasoningContent: { signature: 'sig==' } } }),
      event('contentBlockStop', { contentBlockIndex: 0 }),
      event('contentBlockDelta', { contentBlockIndex: 1, delta: { reasoningContent: { redactedContent: 'cmVk' } } }),
      event('contentBlockStop', { contentBlockIndex: 1 }),
      event('messageStop', { stopReason: 'end_turn' }),
      event('metadata', { usage }),
    ]);
    expect(events.slice(1, -1)).toEqual([
      { type: 'reasoning-delta', delta: 'thinking', provider: 'bedrock' },
      { type: 'reasoning-delta', delta: '', signature: 'sig==', provider: 'bedrock' },
      { type: 'reasoning-delta', delta: '', redactedData: 'cmVk', provider: 'bedrock' },
    ]);
  });

  it('finishes without usage when the body ends after messageStop but before metadata', () => {
    const events = run([event('messageStart', { role: 'assistant' }), event('messageStop', { stopReason: 'max_tokens' })]);
    expect(events.at(-1)).toEqual({ type: 'finish', finishReason: { unified: 'length', raw: 'max_tokens' } });
  });

  it('ends with an error when the body ends before messageStop', () => {
    const events = run([event('messageStart', { role: 'assistant' }), event('contentBlockDelta', { contentBlockIndex: 0, delta: { text: 'cut' } })]);
    expect(events.at(-1)).toEqual({
      type: 'error',
      error: expect.objectContaining({ kind: 'upstream', status: 502, provider: 'bedrock', message: expect.stringMatching(/ended before the provider finished/) }),
    });
    expect(events.filter((item) => item.type === 'finish')).toEqual([]);
  });

  it('turns a mid-stream exception into an error event of the right kind and ignores what follows', () => {
    const events = run([
      event('messageStart', { role: 'assistant' }),
      event('contentBlockDelta', { contentBlockIndex: 0, delta: { text: 'partial' } }),
      exception('throttlingException', { message: 'Too many tokens, please wait before trying again.' }),
      event('messageStop', { stopReason: 'end_turn' }),
    ]);
    expect(events.slice(2)).toEqual([
      {
        type: 'error',
        error: { kind: 'rate_limit', status: 429, message: 'Too many tokens, please wait before trying again.', code: 'throttlingException', provider: 'bedrock' },
      },
    ]);
  });

  it('reports what the model said in a modelStreamErrorException', () => {
    const events = run([exception('modelStreamErrorException', { message: 'Model failed', originalStatusCode: 500, originalMessage: 'boom' })]);
    expect(events).toEqual([
      { type: 'error', error: expect.objectContaining({ kind: 'upstream', status: 502, message: 'Model failed (model said 500: boom)', code: 'modelStreamErrorException' }) },
    ]);
  });

  it('streams the answer tool of structured output as text', () => {
    const events = run(
      [
        event('messageStart', { role: 'assistant' }),
        event('contentBlockStart', { contentBlockIndex: 0, start: { toolUse: { toolUseId: 't', name: 'final_result' } } }),
        event('contentBlockDelta', { contentBlockIndex: 0, delta: { toolUse: { input: '{"city":"London"}' } } }),
        event('contentBlockStop', { contentBlockIndex: 0 }),
        event('messageStop', { stopReason: 'tool_use' }),
        event('metadata', { usage }),
      ],
      { answerToolName: 'final_result' },
    );
    expect(events.slice(1)).toEqual([
      { type: 'text-delta', delta: '{"city":"London"}' },
      expect.objectContaining({ type: 'finish', finishReason: { unified: 'stop', raw: 'tool_use' } }),
    ]);
  });
});
