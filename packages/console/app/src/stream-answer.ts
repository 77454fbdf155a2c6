/** The three public formats "try it" can speak, with the path and a small streamed request in each. */
export const tryFormats = {
  'openai-chat': {
    label: 'OpenAI Chat Completions',
    path: '/v1/chat/completions',
    body: (model: string, prompt: string) => ({ model, stream: true, max_tokens: 256, messages: [{ role: 'user', content: prompt }] }),
  },
  'openai-responses': {
    label: 'OpenAI Responses',
    path: '/v1/responses',
    body: (model: string, prompt: string) => ({ model, stream: true, max_output_tokens: 256, input: prompt }),
  },
  'anthropic-messages': {
    label: 'Anthropic Messages',
    path: '/v1/messages',
    body: (model: string, prompt: string) => ({ model, stream: true, max_tokens: 256, messages: [{ role: 'user', content: prompt }] }),
  },
} as const;

export type TryFormat = keyof typeof tryFormats;

/** The answer text one SSE event adds, in each format's own event shape. */
export function textOfEvent(format: TryFormat, data: unknown): string {
  const event = data as Record<string, any> | null;
  if (!event || typeof event !== 'object') return '';
  if (format === 'openai-chat') return typeof event.choices?.[0]?.delta?.content === 'string' ? event.choices[0].delta.content : '';
  if (format === 'openai-responses') return event.type === 'response.output_text.delta' && typeof event.delta === 'string' ? event.delta : '';
  return event.type === 'content_block_delta' && event.delta?.type === 'text_delta' ? String(event.delta.text ?? '') : '';
}

/** An error event of the stream (the gateway ends a broken stream with its format's error event). */
export function errorOfEvent(data: unknown): string | undefined {
  const event = data as Record<string, any> | null;
  if (!event || typeof event !== 'object') return undefined;
  if (event.type === 'error' || event.error) return event.error?.message ?? event.message ?? 'error';
  return undefined;
}

/** Reads an SSE body, calling `onData` with each event's parsed `data:` as it arrives. */
export async function readServerSentEvents(body: ReadableStream<Uint8Array>, onData: (data: unknown) => void): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let boundary: number;
    while ((boundary = buffer.search(/\r?\n\r?\n/)) !== -1) {
      const block = buffer.slice(0, boundary);
      buffer = buffer.slice(boundary).replace(/^\r?\n\r?\n/, '');
      const data = block
        .split(/\r?\n/)
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).trimStart())
        .join('\n');
      if (!data || data === '[DONE]') continue;
      try {
        onData(JSON.parse(data));
      } catch {
        // A data line that is not JSON carries no text.
      }
    }
  }
}
