import { encodeAwsEventStreamMessage } from '@switchyard/core';
import { splitWords } from './mock-reply-text.js';
import type { BedrockReplyBlock, BedrockReplyPlan } from './plan-bedrock-reply.js';

/** A Converse answer body for a plan. */
export function encodeBedrockResponse(plan: BedrockReplyPlan): object {
  return {
    metrics: { latencyMs: 1 },
    output: { message: { role: 'assistant', content: plan.blocks.map(responseBlock) } },
    stopReason: plan.stopReason,
    usage: plan.usage,
  };
}

function responseBlock(block: BedrockReplyBlock): object {
  switch (block.type) {
    case 'text':
      return { text: block.text };
    case 'reasoning':
      return { reasoningContent: { reasoningText: { text: block.text, signature: block.signature } } };
    case 'redacted-reasoning':
      return { reasoningContent: { redactedContent: block.data } };
    case 'tool':
      return { toolUse: { toolUseId: block.toolUseId, name: block.name, input: block.input } };
  }
}

/** One ConverseStream event before framing: its `:event-type` and payload. */
export interface BedrockStreamEvent {
  eventType: string;
  payload: Record<string, unknown>;
}

/**
 * The ConverseStream events of a plan, in the order Claude on Bedrock sends them: messageStart;
 * per block, deltas (text and reasoning word by word, with no contentBlockStart, as recorded; a
 * tool with contentBlockStart and its input JSON in two fragments) and contentBlockStop;
 * messageStop; metadata with the usage.
 */
export function bedrockStreamEvents(plan: BedrockReplyPlan): BedrockStreamEvent[] {
  const events: BedrockStreamEvent[] = [{ eventType: 'messageStart', payload: { role: 'assistant' } }];
  plan.blocks.forEach((block, contentBlockIndex) => {
    const delta = (value: object) => events.push({ eventType: 'contentBlockDelta', payload: { contentBlockIndex, delta: value } });
    switch (block.type) {
      case 'text':
        for (const word of splitWords(block.text)) delta({ text: word });
        break;
      case 'reasoning':
        for (const word of splitWords(block.text)) delta({ reasoningContent: { text: word } });
        delta({ reasoningContent: { signature: block.signature } });
        break;
      case 'redacted-reasoning':
        delta({ reasoningContent: { redactedContent: block.data } });
        break;
      case 'tool': {
        events.push({
          eventType: 'contentBlockStart',
          payload: { contentBlockIndex, start: { toolUse: { toolUseId: block.toolUseId, name: block.name } } },
        });
        const input = JSON.stringify(block.input);
        const half = Math.ceil(input.length / 2);
        delta({ toolUse: { input: input.slice(0, half) } });
        delta({ toolUse: { input: input.slice(half) } });
        break;
      }
    }
    events.push({ eventType: 'contentBlockStop', payload: { contentBlockIndex } });
  });
  events.push({ eventType: 'messageStop', payload: { stopReason: plan.stopReason } });
  events.push({ eventType: 'metadata', payload: { usage: plan.usage, metrics: { latencyMs: 1 } } });
  return events;
}

const padding = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/**
 * Frames one event as AWS does: an event-stream message with `:event-type`, `:content-type` and
 * `:message-type` headers and a JSON payload carrying a `p` padding field of varying length.
 */
export function encodeBedrockStreamEvent(event: BedrockStreamEvent, sequence: number): Uint8Array {
  const payload = { ...event.payload, p: padding.slice(0, 1 + ((sequence * 17) % padding.length)) };
  return encodeAwsEventStreamMessage(
    { ':event-type': event.eventType, ':content-type': 'application/json', ':message-type': 'event' },
    JSON.stringify(payload),
  );
}

/** A `:message-type: exception` message, as ConverseStream sends throttling and model errors mid-stream. */
export function encodeBedrockStreamException(exceptionType: string, message: string): Uint8Array {
  return encodeAwsEventStreamMessage(
    { ':exception-type': exceptionType, ':content-type': 'application/json', ':message-type': 'exception' },
    JSON.stringify({ message }),
  );
}
