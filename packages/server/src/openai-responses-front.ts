import { decodeOpenAIResponsesUsage, openAIResponsesCodec } from '@switchyard/formats';
import type { ChatFront } from './chat-front.js';
import { readBearerToken } from './header-api.js';
import { findObjectField, firstStringField } from './usage-tap.js';
import { validateOpenAIResponsesShape } from './validate-openai-responses-shape.js';

/** `POST /v1/responses`. Usage is in the final response object (response.completed, or the JSON answer). */
export const openAIResponsesFront: ChatFront = {
  codec: openAIResponsesCodec,
  checkPassthroughShape: validateOpenAIResponsesShape,
  readClientKey: readBearerToken,
  readPassthroughUsage(head, tail) {
    const usage = findObjectField(tail, 'usage', 'last');
    return {
      model: firstStringField(head, 'model'),
      usage: usage && typeof usage.input_tokens === 'number' ? decodeOpenAIResponsesUsage(usage as never) : undefined,
    };
  },
};
