import { createHash } from 'node:crypto';
import type { BatchResultItem } from '@switchyard/core';
import { openAIChatCodec } from '@switchyard/formats';
import type { BatchResultFileKind } from './batch-result-file-id.js';

/**
 * A batch's results as OpenAI's output or error file, one JSONL line per result as it arrives:
 * answers go to the output file as `chat.completion` bodies, failures to the error file — an
 * upstream error with its status and an OpenAI error body, a cancelled or expired request with
 * `response: null` and an `error` code, as OpenAI writes them.
 */
export async function* encodeBatchResultLines(batchId: string, results: AsyncIterable<BatchResultItem>, kind: BatchResultFileKind): AsyncGenerator<string> {
  for await (const item of results) {
    const id = `batch_req_${createHash('sha256').update(`${batchId}\u0000${item.customId}`).digest('hex').slice(0, 32)}`;
    if (item.response && kind === 'output') {
      const body = openAIChatCodec.encodeResponse(item.response);
      yield `${JSON.stringify({ id, custom_id: item.customId, response: { status_code: 200, request_id: item.response.id, body }, error: null })}\n`;
    } else if (!item.response && kind === 'errors') {
      const error = item.error ?? { message: 'The request failed.' };
      const line =
        error.status === undefined
          ? { id, custom_id: item.customId, response: null, error: { code: error.code ?? null, message: error.message } }
          : {
              id,
              custom_id: item.customId,
              response: { status_code: error.status, request_id: null, body: { error: { message: error.message, type: error.code ?? 'error', param: null, code: error.code ?? null } } },
              error: null,
            };
      yield `${JSON.stringify(line)}\n`;
    }
  }
}
