import type { StreamEvent } from '@switchyard/core';
import OpenAI from 'openai';
import { serveSse, sdkClient } from '../../test/openai-sdk-harness.js';
import { encodeOpenAIResponsesUsage } from './map-openai-responses-usage.js';

/*
 * Reads a Responses SSE body with the official `openai` SDK over real HTTP (a local server on
 * 127.0.0.1), the two ways clients do: the stream helper's final response, and raw iteration
 * of `responses.create({ stream: true })`.
 */

const sdkRequest = { model: 'gpt-5', input: 'hi' };

/** `responses.stream(…).finalResponse()`: the SDK's own accumulation of the events. */
export async function readResponsesWithSdkHelper(body: string): Promise<OpenAI.Responses.Response> {
  const served = await serveSse(body);
  try {
    return await sdkClient(served.baseURL).responses.stream(sdkRequest).finalResponse();
  } finally {
    await served.close();
  }
}

/** What a stream adds up to, read event by event as most clients do. */
export interface ResponsesStreamSummary {
  id: string;
  text: string;
  refusal: string;
  reasoning: string;
  toolCalls: Array<{ callId: string; name: string; arguments: string }>;
  status: string | null;
  usage: Record<string, unknown> | null;
  types: string[];
}

export async function readResponsesWithSdkIterator(body: string): Promise<ResponsesStreamSummary> {
  const served = await serveSse(body);
  try {
    const stream = await sdkClient(served.baseURL).responses.create({ ...sdkRequest, stream: true });
    const summary: ResponsesStreamSummary = { id: '', text: '', refusal: '', reasoning: '', toolCalls: [], status: null, usage: null, types: [] };
    const calls = new Map<number, { callId: string; name: string; arguments: string }>();
    for await (const event of stream) {
      summary.types.push(event.type);
      switch (event.type) {
        case 'response.created':
          summary.id = event.response.id;
          break;
        case 'response.output_text.delta':
          summary.text += event.delta;
          break;
        case 'response.refusal.delta':
          summary.refusal += event.delta;
          break;
        case 'response.reasoning_summary_text.delta':
          summary.reasoning += event.delta;
          break;
        case 'response.output_item.added':
          if (event.item.type === 'function_call') {
            const call = { callId: event.item.call_id, name: event.item.name, arguments: '' };
            calls.set(event.output_index, call);
            summary.toolCalls.push(call);
          }
          break;
        case 'response.function_call_arguments.delta':
          calls.get(event.output_index)!.arguments += event.delta;
          break;
        case 'response.completed':
        case 'response.incomplete':
        case 'response.failed':
          summary.status = event.response.status ?? null;
          summary.usage = (event.response.usage as unknown as Record<string, unknown>) ?? null;
          break;
        default:
          break;
      }
    }
    return summary;
  } finally {
    await served.close();
  }
}

export type ResponsesSummary = Omit<ResponsesStreamSummary, 'types'>;

/** The summary without the event types, to compare with one added up from canonical events. */
export function withoutTypes({ types: _types, ...summary }: ResponsesStreamSummary): ResponsesSummary {
  return summary;
}

/** What a Responses client should see of a canonical stream, added up from its events. */
export function summarizeCanonicalEvents(events: StreamEvent[]): ResponsesSummary {
  const calls = new Map<number, { callId: string; name: string; arguments: string }>();
  const summary: ResponsesSummary = { id: '', text: '', refusal: '', reasoning: '', toolCalls: [], status: null, usage: null };
  for (const event of events) {
    if (event.type === 'start') summary.id = event.id.startsWith('resp_') ? event.id : `resp_${event.id}`;
    else if (event.type === 'text-delta') summary.text += event.delta;
    else if (event.type === 'refusal-delta') summary.refusal += event.delta;
    else if (event.type === 'reasoning-delta') summary.reasoning += event.delta;
    else if (event.type === 'tool-call-start') {
      const call = { callId: event.id, name: event.name, arguments: '' };
      calls.set(event.index, call);
      summary.toolCalls.push(call);
    } else if (event.type === 'tool-call-delta') calls.get(event.index)!.arguments += event.argumentsDelta;
    else if (event.type === 'finish') {
      const unified = event.finishReason.unified;
      summary.status = unified === 'length' || unified === 'content-filter' ? 'incomplete' : unified === 'error' ? 'failed' : 'completed';
      if (event.usage) summary.usage = encodeOpenAIResponsesUsage(event.usage);
    } else if (event.type === 'usage') summary.usage = encodeOpenAIResponsesUsage(event.usage);
  }
  return summary;
}
