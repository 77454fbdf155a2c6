import type { ChatRequest } from '@switchyard/core';
import type { ChatFormatCodec } from '@switchyard/formats';
import type { GatewayResponse } from './gateway-types.js';
import type { RouteContext } from './route-context.js';

/** Sends one translated attempt: the request the provider gets, and the codec the answer is encoded with. */
export type SendTranslated = (request: ChatRequest, codec: ChatFormatCodec) => Promise<GatewayResponse>;

/**
 * Conversation state a chat front keeps in the gateway (Responses: `store` and
 * `previous_response_id`). A chat route without it is stateless.
 */
export interface ConversationState {
  /** Starts one request; the turn is asked about each of its attempts. */
  begin(route: RouteContext): ConversationTurn;
}

export interface ConversationTurn {
  /**
   * Whether an attempt whose provider speaks the client's format may get the client's bytes
   * untouched — false when the gateway holds state the provider does not, so the attempt
   * must be translated.
   */
  mayPassThrough(attemptBody: Record<string, unknown>): Promise<boolean>;
  /** Runs a translated attempt, adding the kept history to `request` and keeping the answer. */
  translate(attemptBody: Record<string, unknown>, request: ChatRequest, send: SendTranslated): Promise<GatewayResponse>;
}
