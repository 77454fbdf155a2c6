import type { Usage } from '@switchyard/core';

/**
 * A finished request as observability takes it. The gateway maps the server's RequestRecord
 * onto this (the observability package does not depend on the server).
 */
export interface ObservedRequest {
  traceId: string;
  /** Epoch ms when the request reached the gateway. */
  startedAt: number;
  method: string;
  path: string;
  format?: string;
  /** The provider entry (slug) that answered. */
  provider?: string;
  /** The adapter behind that entry (`openai` for a slug `my-openai`), for price lookup. */
  providerId?: string;
  modelRequested?: string;
  modelAnswered?: string;
  status: number;
  stream: boolean;
  errorKind?: string;
  errorMessage?: string;
  firstByteMs?: number;
  totalMs: number;
  upstreamMs?: number;
  overheadMs?: number;
  usage?: Usage;
  warnings?: unknown[];
  incomplete?: boolean;
  metadata?: Record<string, string>;
  cacheStatus?: string;
  /** Guardrail verdicts (`GuardrailVerdict` from core), as the request record holds them. */
  guardrails?: Array<{ phase: string; set: string; action: string; checks: Array<{ check: string; verdict: string }> }>;
  keyId?: string;
  attempts?: ObservedAttempt[];
  /** Filled by observability from the price catalog. */
  costUsd?: number;
  /** The raw bodies, for opt-in body logging and span content (redacted before they are kept). */
  requestBody?: Uint8Array | string;
  responseBody?: Uint8Array | string;
}

export interface ObservedAttempt {
  /** The target's place in the routing config (`targets[1]`). */
  path?: string;
  provider?: string;
  model?: string;
  status?: number;
  /** The error kind; absent when the attempt succeeded. */
  kind?: string;
  message?: string;
  durationMs: number;
  retry: number;
}

type ShapeFields = Pick<ObservedRequest, 'method' | 'path' | 'status' | 'stream' | 'provider' | 'providerId' | 'modelRequested' | 'modelAnswered' | 'errorKind'>;

/**
 * One string per kind of request: equal for requests whose method, route, status, streaming,
 * provider and models and error kind are equal. Metrics, cost and traces each keep what such
 * requests have in common under it, so the key is made once per request, not once by each.
 */
export function requestShapeKey(request: ShapeFields): string {
  // Traffic repeats a few shapes: the key of a recent one is found by comparing its fields, which
  // costs less than building a nine-part string that the first Map lookup then flattens and hashes.
  for (let index = 0; index < recentShapes.length; index += 1) {
    const recent = recentShapes[index]!;
    if (sameShape(recent.fields, request)) return recent.key;
  }
  const key = `${request.method}\u0000${request.path}\u0000${request.status}\u0000${request.stream}\u0000${request.provider ?? ''}\u0000${request.providerId ?? ''}\u0000${request.modelRequested ?? ''}\u0000${request.modelAnswered ?? ''}\u0000${request.errorKind ?? ''}`;
  const fields: ShapeFields = {
    method: request.method, path: request.path, status: request.status, stream: request.stream, provider: request.provider,
    providerId: request.providerId, modelRequested: request.modelRequested, modelAnswered: request.modelAnswered, errorKind: request.errorKind,
  };
  if (recentShapes.length < recentShapeCount) recentShapes.push({ fields, key });
  else recentShapes[nextRecentShape] = { fields, key };
  nextRecentShape = (nextRecentShape + 1) % recentShapeCount;
  return key;
}

// A handful: more would cost more to search on a miss than the string it saves.
const recentShapeCount = 8;
const recentShapes: Array<{ fields: ShapeFields; key: string }> = [];
let nextRecentShape = 0;

function sameShape(a: ShapeFields, b: ShapeFields): boolean {
  return (
    a.status === b.status && a.stream === b.stream && a.path === b.path && a.method === b.method && a.provider === b.provider &&
    a.providerId === b.providerId && a.modelRequested === b.modelRequested && a.modelAnswered === b.modelAnswered && a.errorKind === b.errorKind
  );
}
