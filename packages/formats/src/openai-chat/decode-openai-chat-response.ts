import { GatewayError, type AssistantContentPart, type ChatResponse } from '@switchyard/core';
import { decodeOpenAIChatError } from './decode-openai-chat-error.js';
import { decodeOpenAIChatFinishReason } from './map-openai-chat-finish-reason.js';
import { decodeOpenAIChatUsage } from './map-openai-chat-usage.js';
import { openAIChatResponseSchema, type OpenAIChatResponseMessage } from './openai-chat-api.js';
import { openAIChatMetadataKey, type OpenAIChatResponseMetadata } from './openai-chat-response-metadata.js';

const knownResponseKeys = new Set(['id', 'object', 'created', 'model', 'choices', 'usage', 'system_fingerprint', 'service_tier']);
const knownChoiceKeys = new Set(['index', 'message', 'finish_reason', 'logprobs']);
const knownMessageKeys = new Set(['role', 'content', 'refusal', 'reasoning_content', 'reasoning', 'tool_calls', 'annotations']);

/**
 * A Chat Completions answer → the canonical response (the first choice). What has no
 * canonical home — logprobs, annotations, content-filter results, provider extras such as
 * `x_groq`, further choices — is kept under `providerMetadata['openai-chat']`, from which
 * the encoder restores it for an OpenAI client.
 */
export function decodeOpenAIChatResponse(body: unknown): ChatResponse {
  // Some compatible servers answer 200 with an error body.
  if (isObject(body) && isObject(body.error)) {
    const error = decodeOpenAIChatError(body.error);
    throw new GatewayError(error.kind, error.message, { status: error.status, param: error.param, code: error.code });
  }
  const parsed = openAIChatResponseSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new GatewayError(
      'upstream',
      `The upstream answer is not a Chat Completions response (${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'}).`,
    );
  }
  const response = parsed.data;
  const [choice, ...otherChoices] = response.choices;
  const metadata: OpenAIChatResponseMetadata = {};

  const decoded: ChatResponse = {
    id: response.id,
    model: response.model ?? '',
    content: choice ? decodeMessage(choice.message, metadata) : [],
    finishReason: decodeOpenAIChatFinishReason(choice?.finish_reason),
  };
  if (response.created != null) decoded.created = response.created;
  if (response.usage != null) decoded.usage = decodeOpenAIChatUsage(response.usage);
  if (response.system_fingerprint !== undefined) decoded.systemFingerprint = response.system_fingerprint;
  if (response.service_tier !== undefined) decoded.serviceTier = response.service_tier;

  const responseExtras = pickUnknown(response, knownResponseKeys);
  if (responseExtras) metadata.response = responseExtras;
  if (choice) {
    const choiceExtras = pickUnknown(choice, knownChoiceKeys) ?? {};
    if (choice.logprobs != null) choiceExtras.logprobs = choice.logprobs;
    if (Object.keys(choiceExtras).length > 0) metadata.choice = choiceExtras;
  }
  if (otherChoices.length > 0) metadata.additionalChoices = otherChoices;
  if (Object.keys(metadata).length > 0) decoded.providerMetadata = { [openAIChatMetadataKey]: metadata };
  return decoded;
}

function decodeMessage(message: OpenAIChatResponseMessage, metadata: OpenAIChatResponseMetadata): AssistantContentPart[] {
  const parts: AssistantContentPart[] = [];
  const reasoning = message.reasoning_content ?? message.reasoning;
  // DeepSeek sends reasoning_content "" on answers without thinking: not a reasoning part.
  if (reasoning) parts.push({ type: 'reasoning', text: reasoning });

  const unknownContent: unknown[] = [];
  if (typeof message.content === 'string') {
    // Kept even when empty: `content: ""` and `content: null` are different answers.
    parts.push({ type: 'text', text: message.content });
  } else if (Array.isArray(message.content)) {
    for (const part of message.content) {
      const decoded = decodeContentPart(part);
      if (decoded) parts.push(decoded);
      else unknownContent.push(part);
    }
  }
  if (message.refusal != null) parts.push({ type: 'refusal', text: message.refusal });
  for (const call of message.tool_calls ?? []) {
    parts.push({
      type: 'tool-call',
      id: call.id ?? '',
      name: call.function.name ?? '',
      arguments: call.function.arguments ?? '',
    });
  }

  const messageExtras = pickUnknown(message, knownMessageKeys) ?? {};
  if (message.annotations != null && message.annotations.length > 0) messageExtras.annotations = message.annotations;
  if (unknownContent.length > 0) messageExtras.unknownContent = unknownContent;
  if (Object.keys(messageExtras).length > 0) metadata.message = messageExtras;
  return parts;
}

/** Array content: OpenAI-style text/refusal parts, and Mistral magistral's `thinking` part. */
function decodeContentPart(part: Record<string, unknown>): AssistantContentPart | undefined {
  if (part.type === 'text' && typeof part.text === 'string') return { type: 'text', text: part.text };
  if (part.type === 'refusal' && typeof part.refusal === 'string') return { type: 'refusal', text: part.refusal };
  if (part.type === 'thinking' && Array.isArray(part.thinking)) {
    const text = part.thinking
      .map((inner: unknown) => (isObject(inner) && typeof inner.text === 'string' ? inner.text : ''))
      .join('');
    return { type: 'reasoning', text };
  }
  return undefined;
}

function pickUnknown(value: Record<string, unknown>, known: ReadonlySet<string>): Record<string, unknown> | undefined {
  let extras: Record<string, unknown> | undefined;
  for (const [key, field] of Object.entries(value)) {
    if (known.has(key)) continue;
    extras ??= {};
    extras[key] = field;
  }
  return extras;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
