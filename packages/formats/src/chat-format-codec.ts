import type { ChatRequest, ChatResponse, GatewayErrorBody, SseEvent, StreamEvent, Warning, WireFormat } from '@switchyard/core';

export interface DecodedChatRequest {
  request: ChatRequest;
  /** Fields of the client's request with no canonical home that were not carried. */
  warnings: Warning[];
}

export interface EncodedChatRequest {
  body: Record<string, unknown>;
  warnings: Warning[];
}

/** Turns one upstream SSE event at a time into canonical events (a small state machine). */
export interface ChatStreamDecoder {
  decode(event: SseEvent): StreamEvent[];
  /** Called when the upstream body ended; returns closing events or an error event if the stream was cut. */
  end(): StreamEvent[];
}

/** Turns canonical events into this format's SSE text, one call per event. */
export interface ChatStreamEncoder {
  /** The SSE text for one event (possibly empty, possibly several frames). */
  encode(event: StreamEvent): string;
  /** The closing frames once the canonical stream ended (e.g. the usage chunk and `data: [DONE]`). */
  end(): string;
}

export interface ChatStreamEncoderOptions {
  /** OpenAI `stream_options.include_usage`: send a final chunk with usage. */
  includeUsage?: boolean;
  /** The request being answered, for formats whose answers repeat its parameters (Responses). */
  request?: ChatRequest;
}

export interface ChatResponseEncoderOptions {
  /** The request being answered, for formats whose answers repeat its parameters (Responses). */
  request?: ChatRequest;
}

export interface EncodedError {
  status: number;
  body: Record<string, unknown>;
}

/**
 * All four directions of one public chat wire format. The same codec serves the front
 * (a client speaking this format) and the back (an adapter whose provider speaks it).
 */
export interface ChatFormatCodec {
  format: WireFormat;
  /** Client body -> canonical. Throws InvalidRequestError naming the field at fault. */
  decodeRequest(body: unknown): DecodedChatRequest;
  /** Canonical -> the body this format's server expects. */
  encodeRequest(request: ChatRequest): EncodedChatRequest;
  /** A server's answer in this format -> canonical. */
  decodeResponse(body: unknown): ChatResponse;
  /** Canonical -> the answer body a client of this format expects. */
  encodeResponse(response: ChatResponse, options?: ChatResponseEncoderOptions): Record<string, unknown>;
  createStreamDecoder(): ChatStreamDecoder;
  createStreamEncoder(options?: ChatStreamEncoderOptions): ChatStreamEncoder;
  /** An error, as this format's clients expect it (status and body). */
  encodeError(error: GatewayErrorBody): EncodedError;
}
