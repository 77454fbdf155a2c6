import type { AssistantContentPart, ChatResponse, FinishReason, ReasoningPart, StreamEvent, ToolCallPart, Usage } from '@switchyard/core';

export interface StreamedAnswerCollector {
  push(event: StreamEvent): void;
  /** The answer as a non-streamed response would hold it; undefined unless the stream finished cleanly. */
  answer(): ChatResponse | undefined;
}

/**
 * Rebuilds the canonical response from a stream's events, so a streamed miss can be stored like
 * a non-streamed one: consecutive text (or refusal) deltas form one part, a reasoning block runs
 * until its signature or redacted data, tool calls are kept by index in the order they started.
 * An `error` event, or no `finish`, means there is nothing to store.
 */
export function collectStreamedAnswer(): StreamedAnswerCollector {
  const content: AssistantContentPart[] = [];
  const calls = new Map<number, ToolCallPart>();
  let start: Extract<StreamEvent, { type: 'start' }> | undefined;
  let finishReason: FinishReason | undefined;
  let usage: Usage | undefined;
  let providerMetadata: Record<string, unknown> | undefined;
  let failed = false;
  return {
    push(event) {
      const last = content[content.length - 1];
      switch (event.type) {
        case 'start':
          start = event;
          return;
        case 'text-delta':
        case 'refusal-delta': {
          if (event.delta === '') return;
          const type = event.type === 'text-delta' ? 'text' : 'refusal';
          if (last?.type === type) last.text += event.delta;
          else content.push({ type, text: event.delta });
          return;
        }
        case 'reasoning-delta': {
          const open = last?.type === 'reasoning' && last.signature === undefined && last.redactedData === undefined;
          let part: ReasoningPart;
          if (open) part = last as ReasoningPart;
          else {
            if (event.delta === '' && !event.signature && event.redactedData === undefined) return;
            part = { type: 'reasoning', text: '' };
            content.push(part);
          }
          part.text += event.delta;
          if (event.signature) part.signature = event.signature;
          if (event.redactedData !== undefined) part.redactedData = event.redactedData;
          if (event.provider !== undefined) part.provider = event.provider;
          return;
        }
        case 'tool-call-start': {
          if (calls.has(event.index)) return;
          const call: ToolCallPart = { type: 'tool-call', id: event.id, name: event.name, arguments: '' };
          calls.set(event.index, call);
          content.push(call);
          return;
        }
        case 'tool-call-delta': {
          const call = calls.get(event.index);
          if (call) call.arguments += event.argumentsDelta;
          return;
        }
        case 'tool-call-end':
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
      }
    },
    answer() {
      if (failed || !start || !finishReason || finishReason.unified === 'error') return undefined;
      const response: ChatResponse = { id: start.id, model: start.model, content, finishReason };
      if (start.created !== undefined) response.created = start.created;
      if (usage) response.usage = usage;
      if (start.systemFingerprint !== undefined) response.systemFingerprint = start.systemFingerprint;
      if (start.serviceTier !== undefined) response.serviceTier = start.serviceTier;
      if (providerMetadata) response.providerMetadata = providerMetadata;
      return response;
    },
  };
}
