import type { ChatResponse, StreamEvent } from '@switchyard/core';

/**
 * A stored answer as the canonical stream the upstream would have sent: start, the content in
 * order (text, refusal, reasoning with its signature, tool calls opened, filled and closed),
 * then the finish with usage. The client's stream encoder turns it into its format's full event
 * sequence, so a streamed hit is indistinguishable from a live answer.
 */
export function replayCachedAnswer(response: ChatResponse): StreamEvent[] {
  const events: StreamEvent[] = [
    {
      type: 'start',
      id: response.id,
      model: response.model,
      created: response.created,
      systemFingerprint: response.systemFingerprint,
      serviceTier: response.serviceTier,
      providerMetadata: response.providerMetadata,
    },
  ];
  let toolIndex = 0;
  for (const part of response.content) {
    switch (part.type) {
      case 'text':
        events.push({ type: 'text-delta', delta: part.text });
        break;
      case 'refusal':
        events.push({ type: 'refusal-delta', delta: part.text });
        break;
      case 'reasoning':
        events.push({ type: 'reasoning-delta', delta: part.text, signature: part.signature, redactedData: part.redactedData, provider: part.provider });
        break;
      case 'tool-call': {
        const index = toolIndex++;
        events.push({ type: 'tool-call-start', index, id: part.id, name: part.name });
        if (part.arguments !== '') events.push({ type: 'tool-call-delta', index, argumentsDelta: part.arguments });
        events.push({ type: 'tool-call-end', index });
        break;
      }
    }
  }
  events.push({ type: 'finish', finishReason: response.finishReason, usage: response.usage });
  return events.map(withoutUndefined);
}

function withoutUndefined(event: StreamEvent): StreamEvent {
  return Object.fromEntries(Object.entries(event).filter(([, value]) => value !== undefined)) as StreamEvent;
}
