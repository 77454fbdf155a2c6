import { type BatchItem, GatewayError, InvalidRequestError } from '@switchyard/core';
import { openAIChatCodec } from '@switchyard/formats';

export interface BatchInputOptions {
  fileId: string;
  /** The endpoint the batch was created for; every line's `url` must be it. */
  endpoint: string;
  /** The model string of one line → the provider's model id; throws (with a reason) when the line names another provider. */
  resolveModel(model: string): string;
}

/**
 * An OpenAI batch input file (JSONL of `{custom_id, method, url, body}`) → canonical chat
 * requests, read line by line as it streams from the store. Each body is decoded by the same
 * OpenAI-chat codec the chat route uses. Any bad line — not JSON, another url, a custom_id seen
 * before, a body the codec refuses — is a 400 naming the line.
 */
export async function readBatchInputFile(content: AsyncIterable<Uint8Array>, options: BatchInputOptions): Promise<BatchItem[]> {
  const items: BatchItem[] = [];
  const seen = new Set<string>();
  for await (const { number, text } of readLines(content)) {
    if (text.trim() === '') continue;
    const bad = (reason: string, cause?: unknown) =>
      new InvalidRequestError(`Line ${number} of input file ${options.fileId}: ${reason}`, { param: 'input_file_id', code: 'invalid_batch_input', cause });
    let line: unknown;
    try {
      line = JSON.parse(text);
    } catch (error) {
      throw bad('not valid JSON.', error);
    }
    if (typeof line !== 'object' || line === null || Array.isArray(line)) throw bad('expected a JSON object.');
    const { custom_id: customId, method, url, body } = line as Record<string, unknown>;
    if (typeof customId !== 'string' || customId === '') throw bad('custom_id is required (a non-empty string).');
    if (seen.has(customId)) throw bad(`custom_id "${customId}" is used by an earlier line; each must be unique.`);
    seen.add(customId);
    if (method !== undefined && method !== 'POST') throw bad(`method must be "POST", not ${JSON.stringify(method)}.`);
    if (url !== options.endpoint) throw bad(`url is ${JSON.stringify(url)}, but the batch is for ${options.endpoint}; every line must call it.`);
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw bad('body must be a JSON object (an OpenAI chat completions request).');
    const model = (body as Record<string, unknown>).model;
    if (typeof model !== 'string' || model === '') throw bad('body.model is required.');
    if ((body as Record<string, unknown>).stream === true) throw bad('body.stream cannot be true in a batch.');
    try {
      const decoded = openAIChatCodec.decodeRequest(body);
      items.push({ customId, request: { ...decoded.request, model: options.resolveModel(model) } });
    } catch (error) {
      if (GatewayError.isInstance(error)) throw bad(`body: ${error.message}${error.param ? ` (${error.param})` : ''}`, error);
      throw error;
    }
  }
  if (items.length === 0) throw new InvalidRequestError(`Input file ${options.fileId} holds no requests.`, { param: 'input_file_id', code: 'invalid_batch_input' });
  return items;
}

/** Lines of a UTF-8 byte stream with their 1-based numbers; only the current line is held. */
async function* readLines(content: AsyncIterable<Uint8Array>): AsyncGenerator<{ number: number; text: string }> {
  const decoder = new TextDecoder('utf-8');
  let pending = '';
  let number = 0;
  for await (const chunk of content) {
    pending += decoder.decode(chunk, { stream: true });
    let end = pending.indexOf('\n');
    while (end !== -1) {
      yield { number: ++number, text: pending.slice(0, end) };
      pending = pending.slice(end + 1);
      end = pending.indexOf('\n');
    }
  }
  pending += decoder.decode();
  if (pending !== '') yield { number: ++number, text: pending };
}
