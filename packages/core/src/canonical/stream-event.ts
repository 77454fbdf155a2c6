import type { FinishReason } from './finish-reason.js';
import type { Usage } from './usage.js';
import type { GatewayErrorBody } from '../errors/gateway-error.js';

/**
 * One event of a canonical stream. Tool-call events carry the call's `index` so that
 * parallel calls may interleave. Order: `start` first; then content events; `finish`; an
 * optional `usage` (some providers send it after the finish); the stream then ends. An
 * `error` event ends the stream abnormally and encoders must surface it as an error in the
 * client's format, never as a clean finish.
 */
export type StreamEvent =
  | {
      type: 'start';
      id: string;
      model: string;
      created?: number;
      systemFingerprint?: string | null;
      serviceTier?: string | null;
      providerMetadata?: Record<string, unknown>;
    }
  | { type: 'text-delta'; delta: string }
  | { type: 'refusal-delta'; delta: string }
  | {
      type: 'reasoning-delta';
      delta: string;
      /** Sent once the reasoning block is complete (Anthropic signature_delta, Gemini thoughtSignature). */
      signature?: string;
      redactedData?: string;
      provider?: string;
    }
  | { type: 'tool-call-start'; index: number; id: string; name: string }
  | { type: 'tool-call-delta'; index: number; argumentsDelta: string }
  | { type: 'tool-call-end'; index: number }
  | { type: 'finish'; finishReason: FinishReason; usage?: Usage; providerMetadata?: Record<string, unknown> }
  | { type: 'usage'; usage: Usage }
  | { type: 'error'; error: GatewayErrorBody };

export type StreamEventType = StreamEvent['type'];
