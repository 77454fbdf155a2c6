import type { ServerResponse } from 'node:http';
import { answerBedrockInvoke } from './bedrock-mock-invoke.js';
import { checkBedrockRequest } from './check-bedrock-request.js';
import { bedrockStreamEvents, encodeBedrockResponse, encodeBedrockStreamEvent, encodeBedrockStreamException } from './encode-bedrock-reply.js';
import type { MockFault } from './mock-fault.js';
import { pathWithoutQuery } from './mock-request.js';
import { startMockServer, type MockContext, type MockServer, type ReceivedRequest } from './mock-server.js';
import { planBedrockReply } from './plan-bedrock-reply.js';
import { recordedAnswer } from './recorded-answer.js';
import { verifyAwsSignature } from './verify-aws-signature.js';
import { writeEventStream } from './write-event-stream.js';
import { writeJson } from './write-json.js';

export interface BedrockMockOptions {
  /** The credentials every request must be signed with (SigV4, service `bedrock`). */
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  /** When set, requests must carry and sign this `x-amz-security-token`. */
  sessionToken?: string;
  /** When set, `Authorization: Bearer <apiKey>` (a Bedrock API key) is accepted too. */
  apiKey?: string;
  /** Model ids that exist; any other gets Bedrock's "The provided model identifier is invalid." Every id when absent. */
  models?: string[];
  /** Pause between stream messages (default 0: the whole stream is written at once). */
  streamDelayMs?: number;
  /** Clock difference accepted between x-amz-date and now (default 5 minutes, as AWS). */
  maxClockSkewMs?: number;
  recordRequests?: boolean;
}

/** A misbehaviour of the next streamed answer, after `n` event-stream messages of the normal answer. */
export type BedrockStreamFault =
  /** A `:message-type: exception` message (default throttlingException), then the body ends. */
  | { exceptionAfterEvents: number; exceptionType?: string; message?: string }
  /** Half of the next message, then the body ends: a frame cut in the middle. */
  | { cutAfterEvents: number }
  /** The body ends cleanly between messages, before messageStop. */
  | { endAfterEvents: number }
  /** The next message with one payload byte flipped, so its CRC fails. */
  | { corruptAfterEvents: number }
  /** The connection is destroyed. */
  | { resetAfterEvents: number };

export interface BedrockMock extends MockServer {
  /** The base URL for the adapter's `settings.baseURL` (the bare host, as Bedrock's is). */
  baseURL: string;
  region: string;
  /** Queues stream faults, one per coming /converse-stream answer. */
  failStreamNext(...faults: BedrockStreamFault[]): void;
}

const coralBedrock = 'http://internal.amazon.com/coral/com.amazon.bedrock/';
const coralService = 'http://internal.amazon.com/coral/com.amazon.coral.service/';

/** A `failNext` fault answering as Bedrock does: `{ message }` and the type in `x-amzn-ErrorType`. */
export function bedrockErrorFault(errorType: string, status: number, message: string): MockFault {
  return { status, body: { message }, headers: { 'x-amzn-ErrorType': `${errorType}:${coralBedrock}` } };
}

/**
 * @deprecated `recordedAnswer` itself now prefers a case's `.eventstream` wire body over its
 * decoded `.ndjson`; use it. Kept so callers that still import this name go on working.
 */
export const recordedBedrockAnswer = recordedAnswer;

/**
 * A loopback Bedrock runtime: POST /model/{modelId}/converse and /converse-stream, and /invoke for
 * embedding and image models (see `answerBedrockInvoke`). Every request
 * must be signed with SigV4 for the given keys and region — the mock recomputes the signature
 * with its own verifier (verify-aws-signature.ts) and answers a wrong one with AWS's 403
 * InvalidSignatureException. Answers are deterministic (see `planBedrockReply`); streams are real
 * binary event-stream messages with `p` padding, the metadata event after messageStop. Replays
 * (`replayNext` with `recordedAnswer`) and faults come from the base mock server.
 */
export async function startBedrockMock(options: BedrockMockOptions): Promise<BedrockMock> {
  let sequence = 0;
  const streamFaults: BedrockStreamFault[] = [];

  const sendJson = (response: ServerResponse, status: number, body: object, requestId: string, errorType?: string) =>
    writeJson(response, status, body, { 'x-amzn-RequestId': requestId, ...(errorType && { 'x-amzn-ErrorType': errorType }) });

  const authorize = (request: ReceivedRequest): { status: number; errorType: string; message: string } | undefined => {
    const authorization = request.headers.authorization ?? '';
    if (options.apiKey !== undefined && /^Bearer /i.test(authorization)) {
      return authorization.slice('Bearer '.length).trim() === options.apiKey
        ? undefined
        : { status: 403, errorType: `UnrecognizedClientException:${coralService}`, message: 'Invalid API Key format: Must start with pre-defined prefix' };
    }
    const check = verifyAwsSignature(
      { method: request.method, path: request.path, headers: request.headers, body: request.body },
      {
        accessKeyId: options.accessKeyId,
        secretAccessKey: options.secretAccessKey,
        sessionToken: options.sessionToken,
        region: options.region,
        service: 'bedrock',
        maxClockSkewMs: options.maxClockSkewMs,
      },
    );
    return check.ok ? undefined : { status: check.status, errorType: `${check.errorType}:${coralService}`, message: check.message };
  };

  const stream = async (response: ServerResponse, body: any, requestId: string, context: MockContext) => {
    const messages = bedrockStreamEvents(planBedrockReply(body)).map((event, index) => encodeBedrockStreamEvent(event, index));
    const fault = streamFaults.shift();
    const chunks: Uint8Array[] = [];
    let reset = false;
    if (!fault) chunks.push(...messages);
    else if ('exceptionAfterEvents' in fault) {
      chunks.push(...messages.slice(0, fault.exceptionAfterEvents));
      chunks.push(encodeBedrockStreamException(fault.exceptionType ?? 'throttlingException', fault.message ?? 'Too many tokens, please wait before trying again.'));
    } else if ('cutAfterEvents' in fault) {
      chunks.push(...messages.slice(0, fault.cutAfterEvents));
      const next = messages[fault.cutAfterEvents];
      if (next) chunks.push(next.subarray(0, Math.floor(next.length / 2)));
    } else if ('endAfterEvents' in fault) {
      chunks.push(...messages.slice(0, fault.endAfterEvents));
    } else if ('corruptAfterEvents' in fault) {
      chunks.push(...messages.slice(0, fault.corruptAfterEvents));
      const next = messages[fault.corruptAfterEvents];
      if (next) {
        const corrupted = next.slice();
        corrupted[corrupted.length - 6]! ^= 0xff;
        chunks.push(corrupted);
      }
    } else {
      chunks.push(...messages.slice(0, fault.resetAfterEvents));
      reset = true;
    }

    response.writeHead(200, { 'content-type': 'application/vnd.amazon.eventstream', 'x-amzn-RequestId': requestId });
    const written = await writeEventStream(response, chunks, { delayMs: options.streamDelayMs ?? 0, signal: context.signal, keepOpen: reset });
    // Let the written bytes leave before the connection is torn down.
    if (reset && written) response.write('', () => response.socket?.destroy());
  };

  const server = await startMockServer(
    async (request, response, context) => {
      sequence++;
      const requestId = `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`;
      const refusal = authorize(request);
      if (refusal) return sendJson(response, refusal.status, { message: refusal.message }, requestId, refusal.errorType);

      const path = pathWithoutQuery(request.path);
      const route = /^\/model\/([^/]+)\/(converse|converse-stream|invoke)$/.exec(path);
      if (request.method !== 'POST' || !route) {
        return sendJson(response, 404, { message: 'The requested operation is not recognized by the service.' }, requestId, `UnknownOperationException:${coralService}`);
      }
      const modelId = decodeURIComponent(route[1]!);
      if (options.models && !options.models.includes(modelId)) {
        return sendJson(response, 400, { message: 'The provided model identifier is invalid.' }, requestId, `ValidationException:${coralBedrock}`);
      }
      if (route[2] === 'invoke') {
        const answer = answerBedrockInvoke(modelId, request.json);
        const errorType = answer.errorType && `${answer.errorType}:${coralBedrock}`;
        return writeJson(response, answer.status, answer.body, { 'x-amzn-RequestId': requestId, ...answer.headers, ...(errorType && { 'x-amzn-ErrorType': errorType }) });
      }
      const problem = checkBedrockRequest(request.json);
      if (problem) return sendJson(response, 400, { message: problem }, requestId, `ValidationException:${coralBedrock}`);

      if (route[2] === 'converse') return sendJson(response, 200, encodeBedrockResponse(planBedrockReply(request.json)), requestId);
      return stream(response, request.json, requestId, context);
    },
    { recordRequests: options.recordRequests, faultBody: (status) => ({ message: `mock fault: HTTP ${status}` }) },
  );

  const reset = server.reset.bind(server);
  return Object.assign(server, {
    baseURL: server.url,
    region: options.region,
    failStreamNext: (...faults: BedrockStreamFault[]) => {
      streamFaults.push(...faults);
    },
    reset() {
      streamFaults.length = 0;
      reset();
    },
  });
}

export { verifyAwsSignature, type AwsSignatureCheck, type AwsSignatureExpectations } from './verify-aws-signature.js';
export { planBedrockReply, mockReasoningSignature, type BedrockReplyPlan } from './plan-bedrock-reply.js';
export { bedrockStreamEvents, encodeBedrockStreamEvent, encodeBedrockStreamException } from './encode-bedrock-reply.js';
