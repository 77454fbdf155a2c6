import type { AssistantContentPart, ReasoningPart, ToolCallPart } from './content-part.js';
import type { StreamEvent } from './stream-event.js';

export interface StreamContentCollector {
  push(event: StreamEvent): void;
  /** The answer's content so far, in the order its parts started. */
  parts(): AssistantContentPart[];
}

/**
 * Rebuilds the canonical content of a streamed answer from its events, as the non-streamed
 * answer would have held it: consecutive text (or refusal) deltas form one part, a reasoning
 * block runs until its signature or redacted data arrives, tool calls are kept by index (so
 * parallel calls may interleave) in the order they started.
 */
export function createStreamContentCollector(): StreamContentCollector {
  const content: AssistantContentPart[] = [];
  const calls = new Map<number, ToolCallPart>();
  return {
    push(event) {
      const last = content[content.length - 1];
      switch (event.type) {
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
        default:
          return;
      }
    },
    parts: () => content,
  };
}
