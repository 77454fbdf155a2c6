/**
 * What these helpers read of an OpenAI Chat Completions stream chunk. Structural, so the testkit
 * needs no `openai` dependency; the SDK's `ChatCompletionChunk` fits, as do raw parsed chunks.
 * `reasoning_content` is the field the gateway streams reasoning in (DeepSeek's spelling).
 */
export interface ChatCompletionChunkLike {
  id?: string;
  choices: ReadonlyArray<{
    delta?: {
      content?: string | null;
      reasoning_content?: string | null;
      tool_calls?: ReadonlyArray<{ index: number; id?: string; function?: { name?: string; arguments?: string } }>;
    } | null;
    finish_reason?: string | null;
  }>;
  usage?: unknown;
}

export interface ChatCompletionStreamReading<Chunk extends ChatCompletionChunkLike> {
  chunks: Chunk[];
  /** The content deltas of the first choice, joined. */
  text: string;
  /** The reasoning_content deltas of the first choice, joined. */
  reasoning: string;
  /** The last finish_reason sent, null when none was. */
  finish: string | null;
  /** The last usage sent. */
  usage: NonNullable<Chunk['usage']> | undefined;
  /** The first choice's tool calls, put together from their deltas by index. */
  toolCalls: Array<{ id: string; name: string; arguments: string }>;
}

/** Reads a whole Chat Completions stream as an SDK client sees it; a stream that fails rejects. */
export async function readChatCompletionStream<Chunk extends ChatCompletionChunkLike>(stream: AsyncIterable<Chunk>): Promise<ChatCompletionStreamReading<Chunk>> {
  const reading = emptyReading<Chunk>();
  for await (const chunk of stream) addChunk(reading, chunk);
  return reading;
}

/**
 * Reads a Chat Completions stream that is expected to break: what arrived before it broke, and
 * what it broke with (`error` is undefined when the stream ended cleanly).
 */
export async function readChatCompletionStreamFailure<Chunk extends ChatCompletionChunkLike>(
  stream: AsyncIterable<Chunk>,
): Promise<ChatCompletionStreamReading<Chunk> & { error: unknown }> {
  const reading = emptyReading<Chunk>();
  try {
    for await (const chunk of stream) addChunk(reading, chunk);
  } catch (error) {
    return { ...reading, error };
  }
  return { ...reading, error: undefined };
}

function emptyReading<Chunk extends ChatCompletionChunkLike>(): ChatCompletionStreamReading<Chunk> {
  return { chunks: [], text: '', reasoning: '', finish: null, usage: undefined, toolCalls: [] };
}

function addChunk<Chunk extends ChatCompletionChunkLike>(reading: ChatCompletionStreamReading<Chunk>, chunk: Chunk): void {
  reading.chunks.push(chunk);
  const choice = chunk.choices[0];
  reading.text += choice?.delta?.content ?? '';
  reading.reasoning += choice?.delta?.reasoning_content ?? '';
  reading.finish = choice?.finish_reason ?? reading.finish;
  if (chunk.usage) reading.usage = chunk.usage as NonNullable<Chunk['usage']>;
  for (const call of choice?.delta?.tool_calls ?? []) {
    const assembled = (reading.toolCalls[call.index] ??= { id: '', name: '', arguments: '' });
    if (call.id) assembled.id = call.id;
    if (call.function?.name) assembled.name = call.function.name;
    assembled.arguments += call.function?.arguments ?? '';
  }
}
