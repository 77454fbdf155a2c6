import type { GoogleReplyPlan } from './plan-google-reply.js';

export interface GoogleReplyMeta {
  responseId: string;
  modelVersion: string;
  /** The thoughtSignature put on the first answer part when the plan is signed. */
  thoughtSignature: string;
}

interface Part {
  text?: string;
  thought?: boolean;
  functionCall?: { name: string; args: Record<string, unknown> };
  thoughtSignature?: string;
}

function usageMetadata(plan: GoogleReplyPlan, candidatesTokens: number, thoughtsTokens: number): Record<string, unknown> {
  // Gemini leaves candidatesTokenCount out until some answer tokens exist, and
  // thoughtsTokenCount out when the model did not think.
  const usage: Record<string, unknown> = { promptTokenCount: plan.promptTokens };
  if (candidatesTokens > 0) usage.candidatesTokenCount = candidatesTokens;
  usage.totalTokenCount = plan.promptTokens + candidatesTokens + thoughtsTokens;
  usage.promptTokensDetails = [{ modality: 'TEXT', tokenCount: plan.promptTokens }];
  if (thoughtsTokens > 0) usage.thoughtsTokenCount = thoughtsTokens;
  return usage;
}

function answerParts(plan: GoogleReplyPlan, meta: GoogleReplyMeta): Part[] {
  const parts: Part[] =
    plan.functionCalls.length > 0
      ? plan.functionCalls.map((call) => ({ functionCall: { name: call.name, args: call.args } }))
      : [{ text: plan.pieces.join('') }];
  if (plan.signed) parts[0]!.thoughtSignature = meta.thoughtSignature;
  return parts;
}

function chunk(parts: Part[], meta: GoogleReplyMeta, usage: Record<string, unknown>, finishReason?: string): Record<string, unknown> {
  const candidate: Record<string, unknown> = { content: { parts, role: 'model' } };
  if (finishReason) candidate.finishReason = finishReason;
  candidate.index = 0;
  return { candidates: [candidate], usageMetadata: usage, modelVersion: meta.modelVersion, responseId: meta.responseId };
}

/** The non-streamed GenerateContentResponse, in the key order the API sends. */
export function encodeGoogleResponse(plan: GoogleReplyPlan, meta: GoogleReplyMeta): Record<string, unknown> {
  const parts: Part[] = [];
  if (plan.thought) parts.push({ text: plan.thought, thought: true });
  parts.push(...answerParts(plan, meta));
  return chunk(parts, meta, usageMetadata(plan, plan.candidatesTokens, plan.thoughtsTokens), plan.finishReason);
}

/**
 * The chunks of a streamed answer, as Gemini sends them: the thought first, then one text
 * piece per chunk (the first one signed), or all function calls whole in one chunk; the
 * last chunk carries finishReason; usageMetadata holds running totals on every chunk.
 */
export function encodeGoogleStreamChunks(plan: GoogleReplyPlan, meta: GoogleReplyMeta): Record<string, unknown>[] {
  const chunks: Record<string, unknown>[] = [];
  const thoughtsTokens = plan.thoughtsTokens;
  if (plan.thought) chunks.push(chunk([{ text: plan.thought, thought: true }], meta, usageMetadata(plan, 0, thoughtsTokens)));
  if (plan.functionCalls.length > 0) {
    chunks.push(chunk(answerParts(plan, meta), meta, usageMetadata(plan, plan.candidatesTokens, thoughtsTokens), plan.finishReason));
    return chunks;
  }
  const pieces = plan.pieces.length > 0 ? plan.pieces : [''];
  let words = 0;
  pieces.forEach((piece, index) => {
    words += piece.trim() === '' ? 0 : 1;
    const part: Part = { text: piece };
    if (index === 0 && plan.signed) part.thoughtSignature = meta.thoughtSignature;
    const last = index === pieces.length - 1;
    chunks.push(chunk([part], meta, usageMetadata(plan, last ? plan.candidatesTokens : words, thoughtsTokens), last ? plan.finishReason : undefined));
  });
  return chunks;
}

/** One SSE event as Gemini frames it: `data: <json>` and a CRLF blank line. */
export function frameGoogleSseEvent(payload: unknown): string {
  return `data: ${googleJson(payload)}\r\n\r\n`;
}

/**
 * JSON in Google's stream style: `": "` after keys, `,` with no space, no newlines —
 * `{"candidates": [{"content": {"parts": [{"text": "The"}],"role": "model"}}]}`.
 */
export function googleJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => googleJson(item === undefined ? null : item)).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).filter(([, item]) => item !== undefined);
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}: ${googleJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
