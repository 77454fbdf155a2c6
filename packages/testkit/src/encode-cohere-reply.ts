import type { CohereReplyPlan } from './plan-cohere-reply.js';

export interface CohereReplyMeta {
  /** Cohere's answer id (a UUID on the real API). */
  id: string;
}

// Tool arguments stream in small pieces, as the real API sends them token by token.
const argumentPieceLength = 8;

function usageOf(plan: CohereReplyPlan): Record<string, unknown> {
  return {
    billed_units: { input_tokens: plan.inputTokens, output_tokens: plan.outputTokens },
    tokens: { input_tokens: plan.inputTokens, output_tokens: plan.outputTokens },
    cached_tokens: 0,
  };
}

/** The non-streamed chat response, in the key order the API sends. */
export function encodeCohereResponse(plan: CohereReplyPlan, meta: CohereReplyMeta): Record<string, unknown> {
  const message: Record<string, unknown> = { role: 'assistant' };
  const content: Array<Record<string, unknown>> = [];
  if (plan.thinking) content.push({ type: 'thinking', thinking: plan.thinking });
  if (plan.toolCalls.length === 0) content.push({ type: 'text', text: plan.pieces.join('') });
  if (content.length > 0) message.content = content;
  if (plan.toolPlan) message.tool_plan = plan.toolPlan;
  if (plan.toolCalls.length > 0) {
    message.tool_calls = plan.toolCalls.map((call) => ({ id: call.id, type: 'function', function: { name: call.name, arguments: call.arguments } }));
  }
  if (plan.citations.length > 0) message.citations = plan.citations;
  return { id: meta.id, message, finish_reason: plan.finishReason, usage: usageOf(plan) };
}

/** One SSE frame as Cohere writes it: `event: <type>`, then the JSON with the same `type`. */
export function frameCohereEvent(data: Record<string, unknown>): string {
  return `event: ${String(data.type)}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** The stream's last frame. */
export const cohereDoneFrame = 'data: [DONE]\n\n';

/**
 * The frames of a streamed answer in the API's order: message-start; a thinking block
 * (content-start / content-delta per word / content-end); the tool plan (tool-plan-delta per
 * word) and each call (tool-call-start with empty arguments, tool-call-delta pieces,
 * tool-call-end); or the text block, then its citations (citation-start / citation-end);
 * message-end with the finish reason and usage; and `data: [DONE]`.
 */
export function encodeCohereStream(plan: CohereReplyPlan, meta: CohereReplyMeta): string[] {
  const frames: string[] = [];
  frames.push(
    frameCohereEvent({ id: meta.id, type: 'message-start', delta: { message: { role: 'assistant', content: [], tool_plan: '', tool_calls: [], citations: [] } } }),
  );
  let contentIndex = 0;
  if (plan.thinking) {
    frames.push(frameCohereEvent({ type: 'content-start', index: contentIndex, delta: { message: { content: { type: 'thinking', thinking: '' } } } }));
    for (const piece of splitWords(plan.thinking)) {
      frames.push(frameCohereEvent({ type: 'content-delta', index: contentIndex, delta: { message: { content: { thinking: piece } } } }));
    }
    frames.push(frameCohereEvent({ type: 'content-end', index: contentIndex }));
    contentIndex++;
  }
  if (plan.toolPlan) {
    for (const piece of splitWords(plan.toolPlan)) frames.push(frameCohereEvent({ type: 'tool-plan-delta', delta: { message: { tool_plan: piece } } }));
  }
  plan.toolCalls.forEach((call, index) => {
    frames.push(
      frameCohereEvent({ type: 'tool-call-start', index, delta: { message: { tool_calls: { id: call.id, type: 'function', function: { name: call.name, arguments: '' } } } } }),
    );
    for (let offset = 0; offset < call.arguments.length; offset += argumentPieceLength) {
      const piece = call.arguments.slice(offset, offset + argumentPieceLength);
      frames.push(frameCohereEvent({ type: 'tool-call-delta', index, delta: { message: { tool_calls: { function: { arguments: piece } } } } }));
    }
    frames.push(frameCohereEvent({ type: 'tool-call-end', index }));
  });
  if (plan.toolCalls.length === 0) {
    frames.push(frameCohereEvent({ type: 'content-start', index: contentIndex, delta: { message: { content: { type: 'text', text: '' } } } }));
    for (const piece of plan.pieces) {
      frames.push(frameCohereEvent({ type: 'content-delta', index: contentIndex, delta: { message: { content: { text: piece } } } }));
    }
    frames.push(frameCohereEvent({ type: 'content-end', index: contentIndex }));
    plan.citations.forEach((citation, index) => {
      frames.push(frameCohereEvent({ type: 'citation-start', index, delta: { message: { citations: citation } } }));
      frames.push(frameCohereEvent({ type: 'citation-end', index }));
    });
  }
  frames.push(frameCohereEvent({ type: 'message-end', delta: { finish_reason: plan.finishReason, usage: usageOf(plan) } }));
  frames.push(cohereDoneFrame);
  return frames;
}

function splitWords(text: string): string[] {
  return text.match(/\s*\S+/g) ?? [];
}
