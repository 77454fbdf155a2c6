import type { Usage } from '@switchyard/core';

const tailBytes = 16 * 1024;
const maxJsonBytes = 1024 * 1024;

/**
 * Reads usage from passthrough bytes without decoding the stream: it keeps only the tail of
 * an SSE stream (OpenAI sends usage in the last chunk) or the body of a JSON answer, and parses
 * once at the end, off the path of the bytes already sent.
 */
export class UsageTap {
  private chunks: Uint8Array[] = [];
  private size = 0;
  private overflowed = false;

  constructor(private readonly stream: boolean) {}

  push(chunk: Uint8Array): void {
    if (this.overflowed) return;
    this.chunks.push(chunk);
    this.size += chunk.byteLength;
    if (this.stream && this.size > 2 * tailBytes) {
      // Compact now and then rather than per chunk: amortised O(1) whatever the chunk size.
      const joined = Buffer.concat(this.chunks);
      this.chunks = [joined.subarray(joined.byteLength - tailBytes)];
      this.size = tailBytes;
    } else if (!this.stream && this.size > maxJsonBytes) {
      this.overflowed = true;
      this.chunks = [];
    }
  }

  /** OpenAI-shaped usage plus the answering model, or nothing when none was seen. */
  read(): { usage?: Usage; model?: string } {
    const text = Buffer.concat(this.chunks).toString('utf8');
    if (!this.stream) return fromObject(safeParse(text));
    const lines = text.split('\n');
    let model: string | undefined;
    for (let index = lines.length - 1; index >= 0; index--) {
      const line = lines[index]!;
      if (!line.startsWith('data:') || !line.includes('"usage"')) continue;
      const found = fromObject(safeParse(line.slice(5).trim()));
      model ??= found.model;
      if (found.usage) return { usage: found.usage, model };
    }
    return { model };
  }
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function fromObject(value: unknown): { usage?: Usage; model?: string } {
  if (typeof value !== 'object' || value === null) return {};
  const { usage, model } = value as { usage?: Record<string, any> | null; model?: unknown };
  const result: { usage?: Usage; model?: string } = {};
  if (typeof model === 'string') result.model = model;
  if (usage && typeof usage.prompt_tokens === 'number') {
    result.usage = {
      input: usage.prompt_tokens,
      output: usage.completion_tokens ?? 0,
      total: usage.total_tokens ?? usage.prompt_tokens + (usage.completion_tokens ?? 0),
      cachedInput: usage.prompt_tokens_details?.cached_tokens,
      reasoning: usage.completion_tokens_details?.reasoning_tokens,
      raw: usage,
    };
  }
  return result;
}
