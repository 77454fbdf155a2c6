import { anthropicMessagesCodec, decodeAnthropicUsage } from '@switchyard/formats';
import type { ChatFront } from './chat-front.js';
import { readBearerToken } from './header-api.js';
import { findObjectField, firstStringField } from './usage-tap.js';
import { validateAnthropicMessagesShape } from './validate-anthropic-messages-shape.js';

/**
 * `POST /v1/messages`. The Anthropic SDK sends its key as `x-api-key`. Usage starts in
 * message_start (input and cache tokens) and message_delta carries the cumulative rest.
 */
export const anthropicMessagesFront: ChatFront = {
  codec: anthropicMessagesCodec,
  checkPassthroughShape: validateAnthropicMessagesShape,
  readClientKey: (headers) => headers['x-api-key'] || readBearerToken(headers),
  readPassthroughUsage(head, tail) {
    const first = findObjectField(head, 'usage', 'first');
    const last = findObjectField(tail, 'usage', 'last');
    const merged = first || last ? { ...first, ...stripNulls(last) } : undefined;
    return {
      model: firstStringField(head, 'model'),
      usage: merged && typeof merged.input_tokens === 'number' ? decodeAnthropicUsage(merged as never) : undefined,
    };
  },
};

function stripNulls(value: Record<string, unknown> | undefined): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value ?? {}).filter(([, item]) => item !== null && item !== undefined));
}
