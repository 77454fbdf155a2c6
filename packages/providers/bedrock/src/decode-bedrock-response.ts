import { randomUUID } from 'node:crypto';
import { type AssistantContentPart, type ChatResponse, UpstreamError, type Warning } from '@switchyard/core';
import { bedrockConverseResponseSchema } from './bedrock-api.js';
import { mapBedrockStopReason } from './map-bedrock-stop-reason.js';
import { mapBedrockUsage } from './map-bedrock-usage.js';

export interface BedrockResponseContext {
  /** The model id the request named: Converse answers do not repeat it. */
  model: string;
  /** The `x-amzn-requestid` response header. */
  requestId?: string;
  /** Structured output through a forced tool: the input of this tool is the answer text. */
  answerToolName?: string;
  warn(warning: Warning): void;
}

/**
 * A Converse answer -> canonical. Converse bodies carry no id: the response id is the
 * `x-amzn-requestid` header AWS sends with every answer (the id AWS support asks for); only when
 * a proxy stripped it is one generated (`bedrock-<uuid>`), and providerMetadata says so.
 */
export function decodeBedrockResponse(body: unknown, context: BedrockResponseContext): ChatResponse {
  const parsed = bedrockConverseResponseSchema.safeParse(body);
  if (!parsed.success) {
    throw new UpstreamError('Bedrock answered with a body that is not a Converse response.', {
      provider: 'bedrock',
      status: 502,
      body,
      kind: 'upstream',
      cause: parsed.error,
    });
  }
  const answer = parsed.data;
  const content: AssistantContentPart[] = [];
  let answeredByTool = false;
  (answer.output.message?.content ?? []).forEach((block, index) => {
    if (block.text != null) {
      content.push({ type: 'text', text: block.text });
    } else if (block.toolUse) {
      if (context.answerToolName !== undefined && block.toolUse.name === context.answerToolName) {
        answeredByTool = true;
        content.push({ type: 'text', text: JSON.stringify(block.toolUse.input ?? {}) });
      } else {
        content.push({ type: 'tool-call', id: block.toolUse.toolUseId, name: block.toolUse.name, arguments: JSON.stringify(block.toolUse.input ?? {}) });
      }
    } else if (block.reasoningContent?.reasoningText) {
      const { text, signature } = block.reasoningContent.reasoningText;
      content.push({ type: 'reasoning', text: text ?? '', ...(signature ? { signature } : {}), provider: 'bedrock' });
    } else if (block.reasoningContent?.redactedContent != null) {
      content.push({ type: 'reasoning', text: '', redactedData: block.reasoningContent.redactedContent, provider: 'bedrock' });
    } else {
      // citationsContent, image, guardContent…: no canonical part yet; kept in providerMetadata.
      context.warn({
        type: 'other',
        field: `output.message.content[${index}]`,
        message: `Bedrock answered a content block the gateway cannot carry (${Object.keys(block).join(', ')}); it is kept in providerMetadata.bedrock.unmappedContent.`,
      });
    }
  });

  const bedrock: Record<string, unknown> = {};
  if (context.requestId) bedrock.requestId = context.requestId;
  else bedrock.generatedId = true;
  if (answer.metrics) bedrock.metrics = answer.metrics;
  if (answer.additionalModelResponseFields !== undefined) bedrock.additionalModelResponseFields = answer.additionalModelResponseFields;
  if (answer.trace !== undefined) bedrock.trace = answer.trace;
  if (answer.performanceConfig !== undefined) bedrock.performanceConfig = answer.performanceConfig;
  const unmapped = (answer.output.message?.content ?? []).filter(
    (block) => block.text == null && !block.toolUse && !block.reasoningContent?.reasoningText && block.reasoningContent?.redactedContent == null,
  );
  if (unmapped.length > 0) bedrock.unmappedContent = unmapped;

  const response: ChatResponse = {
    id: context.requestId ?? `bedrock-${randomUUID()}`,
    model: context.model,
    content,
    finishReason: mapBedrockStopReason(answer.stopReason, { toolUseIsAnswer: answeredByTool }),
    providerMetadata: { bedrock },
  };
  if (answer.usage) response.usage = mapBedrockUsage(answer.usage);
  if (answer.serviceTier) response.serviceTier = answer.serviceTier.type;
  return response;
}
