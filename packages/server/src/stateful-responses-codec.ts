import { type AssistantContentPart, type ChatRequest, createStreamContentCollector } from '@switchyard/core';
import {
  type ChatFormatCodec,
  createOpenAIResponsesStreamEncoderState,
  encodeOpenAIResponsesStreamEvent,
  endOpenAIResponsesStreamEncoder,
  openAIResponsesCodec,
} from '@switchyard/formats';

type Json = Record<string, unknown>;

/** An answer that completed (or stopped short, `incomplete`), never a failed one. */
export interface CompletedResponsesAnswer {
  /** The Response object as the client got it (the last lifecycle event's, when streamed). */
  response: Json;
  /** The answer's canonical content, for the stored conversation. */
  content: AssistantContentPart[];
}

export interface StatefulResponsesCodec {
  codec: ChatFormatCodec;
  completed(): CompletedResponsesAnswer | undefined;
}

/**
 * The Responses codec for an answer whose state the gateway keeps. It differs from the plain
 * one in three ways: the answer repeats the client's request (`echoRequest`) rather than the
 * one the provider got (which holds the earlier turns as well); `store` says whether the
 * gateway stores it (the plain echo always says false); and it hands back what the client got,
 * to be stored, once the answer completed.
 */
export function createStatefulResponsesCodec(echoRequest: ChatRequest, store: boolean): StatefulResponsesCodec {
  let completed: CompletedResponsesAnswer | undefined;
  const codec: ChatFormatCodec = {
    ...openAIResponsesCodec,
    encodeResponse(response) {
      const body = openAIResponsesCodec.encodeResponse(response, { request: echoRequest });
      // A failed answer is not kept (there is nothing to continue from).
      body.store = store && body.status !== 'failed';
      if (body.store) completed = { response: body, content: response.content };
      return body;
    },
    createStreamEncoder(options) {
      const state = createOpenAIResponsesStreamEncoderState({ ...options, request: echoRequest });
      state.echo.store = store;
      const content = createStreamContentCollector();
      return {
        encode(event) {
          content.push(event);
          return encodeOpenAIResponsesStreamEvent(state, event);
        },
        end() {
          const text = endOpenAIResponsesStreamEncoder(state);
          const terminal = lastEventData(text);
          if ((terminal?.type === 'response.completed' || terminal?.type === 'response.incomplete') && isObject(terminal.response)) {
            completed = { response: { ...terminal.response, store }, content: content.parts() };
          }
          return text;
        },
      };
    },
  };
  return { codec, completed: () => completed };
}

/** The JSON of the last SSE frame. JSON text holds no raw newline, so blank lines only ever separate frames. */
function lastEventData(text: string): Json | undefined {
  const frames = text.split('\n\n').filter((frame) => frame !== '');
  const data = frames[frames.length - 1]
    ?.split('\n')
    .find((line) => line.startsWith('data: '))
    ?.slice('data: '.length);
  return data === undefined ? undefined : (JSON.parse(data) as Json);
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
