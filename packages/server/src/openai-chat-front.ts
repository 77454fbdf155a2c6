import { decodeOpenAIChatUsage, openAIChatCodec } from '@switchyard/formats';
import type { ChatFront } from './chat-front.js';
import { readBearerToken } from './header-api.js';
import { findObjectField, firstStringField } from './usage-tap.js';
import { validateOpenAIChatShape } from './validate-openai-chat-shape.js';

/** `POST /v1/chat/completions`. OpenAI puts usage in the last stream chunk or near the end of the JSON. */
export const openAIChatFront: ChatFront = {
  codec: openAIChatCodec,
  checkPassthroughShape: validateOpenAIChatShape,
  readClientKey: readBearerToken,
  readPassthroughUsage(head, tail) {
    const usage = findObjectField(tail, 'usage', 'last');
    return {
      model: firstStringField(head, 'model'),
      usage: usage && typeof usage.prompt_tokens === 'number' ? decodeOpenAIChatUsage(usage as never) : undefined,
    };
  },
};
