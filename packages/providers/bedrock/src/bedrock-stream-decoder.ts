import { randomUUID } from 'node:crypto';
import { type AwsEventStreamMessage, type GatewayErrorBody, type StreamEvent, statusForErrorKind } from '@switchyard/core';
import type { z } from 'zod';
import {
  bedrockContentBlockDeltaSchema,
  bedrockContentBlockStartSchema,
  bedrockContentBlockStopSchema,
  bedrockMessageStopSchema,
  bedrockStreamExceptionSchema,
  bedrockStreamMetadataSchema,
} from './bedrock-api.js';
import { errorKindForBedrockType } from './map-bedrock-error.js';
import { mapBedrockStopReason } from './map-bedrock-stop-reason.js';
import { mapBedrockUsage } from './map-bedrock-usage.js';

export interface BedrockStreamDecoderOptions {
  /** The model id the request named: ConverseStream events do not repeat it. */
  model: string;
  /** The `x-amzn-requestid` response header, used as the stream's id. */
  requestId?: string;
  /** Structured output through a forced tool: this tool's input deltas are the answer's text. */
  answerToolName?: string;
}

/** Turns one decoded event-stream message at a time into canonical events. */
export interface BedrockStreamDecoder {
  decode(message: AwsEventStreamMessage): StreamEvent[];
  /** The body ended: a finish still owed, or an error when Bedrock never said the message stopped. */
  end(): StreamEvent[];
}

type Block = { kind: 'tool'; index: number; open: boolean } | { kind: 'answer' };

/**
 * The ConverseStream state machine (https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_ConverseStream.html).
 * Events, each an event-stream message named by its `:event-type` header: messageStart;
 * contentBlockStart (tool use only — text blocks start with their first delta); contentBlockDelta
 * (text, toolUse.input JSON fragments, reasoningContent text / signature / redactedContent);
 * contentBlockStop; messageStop (the stop reason); metadata (usage, after messageStop). The
 * canonical finish waits for the metadata so it can carry the usage; a body ending after
 * messageStop without metadata still finishes, without usage. A `:message-type: exception`
 * message (throttlingException, modelStreamErrorException, …) becomes an error event.
 */
export function createBedrockStreamDecoder(options: BedrockStreamDecoderOptions): BedrockStreamDecoder {
  const blocks = new Map<number, Block>();
  let started = false;
  let done = false;
  let toolCount = 0;
  let answered = false;
  let stop: z.infer<typeof bedrockMessageStopSchema> | undefined;
  let metadata: z.infer<typeof bedrockStreamMetadataSchema> | undefined;

  function start(events: StreamEvent[]): void {
    if (started) return;
    started = true;
    // Generated only when a proxy stripped the request id header.
    events.push({ type: 'start', id: options.requestId ?? `bedrock-${randomUUID()}`, model: options.model });
  }

  function fail(events: StreamEvent[], error: Omit<GatewayErrorBody, 'provider'>): StreamEvent[] {
    done = true;
    events.push({ type: 'error', error: { ...error, provider: 'bedrock' } });
    return events;
  }

  function closeTools(events: StreamEvent[]): void {
    for (const block of blocks.values()) {
      if (block.kind === 'tool' && block.open) {
        block.open = false;
        events.push({ type: 'tool-call-end', index: block.index });
      }
    }
  }

  function finish(events: StreamEvent[]): void {
    done = true;
    const bedrock: Record<string, unknown> = {};
    if (stop?.additionalModelResponseFields !== undefined) bedrock.additionalModelResponseFields = stop.additionalModelResponseFields;
    if (metadata?.metrics) bedrock.metrics = metadata.metrics;
    if (metadata?.trace !== undefined) bedrock.trace = metadata.trace;
    if (metadata?.performanceConfig !== undefined) bedrock.performanceConfig = metadata.performanceConfig;
    if (metadata?.serviceTier) bedrock.serviceTier = metadata.serviceTier.type;
    events.push({
      type: 'finish',
      finishReason: mapBedrockStopReason(stop?.stopReason, { toolUseIsAnswer: answered }),
      ...(metadata?.usage ? { usage: mapBedrockUsage(metadata.usage) } : {}),
      ...(Object.keys(bedrock).length > 0 ? { providerMetadata: { bedrock } } : {}),
    });
  }

  function decodeEvent(eventType: string, payload: unknown, events: StreamEvent[]): StreamEvent[] {
    switch (eventType) {
      case 'messageStart':
        start(events);
        return events;
      case 'contentBlockStart': {
        const event = parse(bedrockContentBlockStartSchema, payload);
        if (!event) return malformed(events, eventType);
        start(events);
        const toolUse = event.start?.toolUse;
        if (toolUse) {
          if (options.answerToolName !== undefined && toolUse.name === options.answerToolName) {
            answered = true;
            blocks.set(event.contentBlockIndex, { kind: 'answer' });
          } else {
            const index = toolCount++;
            blocks.set(event.contentBlockIndex, { kind: 'tool', index, open: true });
            events.push({ type: 'tool-call-start', index, id: toolUse.toolUseId, name: toolUse.name });
          }
        }
        return events;
      }
      case 'contentBlockDelta': {
        const event = parse(bedrockContentBlockDeltaSchema, payload);
        if (!event) return malformed(events, eventType);
        start(events);
        const { delta } = event;
        const block = blocks.get(event.contentBlockIndex);
        if (delta.text != null && delta.text !== '') events.push({ type: 'text-delta', delta: delta.text });
        const input = delta.toolUse?.input;
        if (input != null && input !== '') {
          if (block?.kind === 'answer') events.push({ type: 'text-delta', delta: input });
          else if (block?.kind === 'tool') events.push({ type: 'tool-call-delta', index: block.index, argumentsDelta: input });
        }
        const reasoning = delta.reasoningContent;
        if (reasoning) {
          if (reasoning.text != null && reasoning.text !== '') events.push({ type: 'reasoning-delta', delta: reasoning.text, provider: 'bedrock' });
          if (reasoning.signature != null) events.push({ type: 'reasoning-delta', delta: '', signature: reasoning.signature, provider: 'bedrock' });
          if (reasoning.redactedContent != null) {
            events.push({ type: 'reasoning-delta', delta: '', redactedData: reasoning.redactedContent, provider: 'bedrock' });
          }
        }
        return events;
      }
      case 'contentBlockStop': {
        const event = parse(bedrockContentBlockStopSchema, payload);
        if (!event) return malformed(events, eventType);
        const block = blocks.get(event.contentBlockIndex);
        if (block?.kind === 'tool' && block.open) {
          block.open = false;
          events.push({ type: 'tool-call-end', index: block.index });
        }
        return events;
      }
      case 'messageStop': {
        stop = parse(bedrockMessageStopSchema, payload);
        if (!stop) return malformed(events, eventType);
        start(events);
        closeTools(events);
        if (metadata) finish(events);
        return events;
      }
      case 'metadata': {
        metadata = parse(bedrockStreamMetadataSchema, payload);
        if (!metadata) return malformed(events, eventType);
        if (stop) finish(events);
        return events;
      }
      default:
        // An event type added after this adapter was written: nothing canonical to say.
        return events;
    }
  }

  function malformed(events: StreamEvent[], eventType: string): StreamEvent[] {
    return fail(events, { kind: 'upstream', status: 502, message: `Bedrock sent a ${eventType} event the gateway cannot read.` });
  }

  return {
    decode(message) {
      const events: StreamEvent[] = [];
      if (done) return events;
      const messageType = message.headers[':message-type'];
      if (messageType === 'exception') {
        const type = String(message.headers[':exception-type'] ?? 'exception');
        const body = parse(bedrockStreamExceptionSchema, parseJson(message.payload));
        const kind = errorKindForBedrockType(type) ?? 'upstream';
        let text = body?.message ?? body?.Message ?? `Bedrock sent a ${type} mid-stream.`;
        if (body?.originalMessage) text += ` (model said${body.originalStatusCode ? ` ${body.originalStatusCode}` : ''}: ${body.originalMessage})`;
        return fail(events, { kind, status: statusForErrorKind[kind], message: text, code: type });
      }
      if (messageType === 'error') {
        // Event-stream level errors carry their code and message in headers, not in the payload.
        const code = String(message.headers[':error-code'] ?? 'error');
        const text = String(message.headers[':error-message'] ?? `Bedrock sent an event-stream error (${code}).`);
        const kind = errorKindForBedrockType(code) ?? 'upstream';
        return fail(events, { kind, status: statusForErrorKind[kind], message: text, code });
      }
      if (messageType !== 'event') return events;
      const payload = parseJson(message.payload);
      if (payload === undefined) return malformed(events, String(message.headers[':event-type']));
      return decodeEvent(String(message.headers[':event-type']), payload, events);
    },
    end() {
      const events: StreamEvent[] = [];
      if (done) return events;
      if (stop) {
        finish(events);
        return events;
      }
      return fail(events, { kind: 'upstream', status: 502, message: 'The Bedrock stream ended before the provider finished (no messageStop event).' });
    },
  };
}

function parse<T extends z.ZodType>(schema: T, payload: unknown): z.infer<T> | undefined {
  const result = schema.safeParse(payload);
  return result.success ? result.data : undefined;
}

function parseJson(payload: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(payload)) as unknown;
  } catch {
    return undefined;
  }
}
