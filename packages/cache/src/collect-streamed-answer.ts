import { type ChatResponse, type FinishReason, type StreamEvent, type Usage, createStreamContentCollector } from '@switchyard/core';

export interface StreamedAnswerCollector {
  push(event: StreamEvent): void;
  /** The answer as a non-streamed response would hold it; undefined unless the stream finished cleanly. */
  answer(): ChatResponse | undefined;
}

/**
 * Rebuilds the canonical response from a stream's events, so a streamed miss can be stored like
 * a non-streamed one (the content as core's stream content collector rebuilds it). An `error`
 * event, or no `finish`, means there is nothing to store.
 */
export function collectStreamedAnswer(): StreamedAnswerCollector {
  const content = createStreamContentCollector();
  let start: Extract<StreamEvent, { type: 'start' }> | undefined;
  let finishReason: FinishReason | undefined;
  let usage: Usage | undefined;
  let providerMetadata: Record<string, unknown> | undefined;
  let failed = false;
  return {
    push(event) {
      switch (event.type) {
        case 'start':
          start = event;
          return;
        case 'finish':
          finishReason = event.finishReason;
          if (event.usage) usage = event.usage;
          providerMetadata = event.providerMetadata ?? start?.providerMetadata;
          return;
        case 'usage':
          usage = event.usage;
          return;
        case 'error':
          failed = true;
          return;
        default:
          content.push(event);
      }
    },
    answer() {
      if (failed || !start || !finishReason || finishReason.unified === 'error') return undefined;
      const response: ChatResponse = { id: start.id, model: start.model, content: content.parts(), finishReason };
      if (start.created !== undefined) response.created = start.created;
      if (usage) response.usage = usage;
      if (start.systemFingerprint !== undefined) response.systemFingerprint = start.systemFingerprint;
      if (start.serviceTier !== undefined) response.serviceTier = start.serviceTier;
      if (providerMetadata) response.providerMetadata = providerMetadata;
      return response;
    },
  };
}
