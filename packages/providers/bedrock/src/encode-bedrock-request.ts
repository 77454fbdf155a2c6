import { type ChatRequest, InvalidRequestError, type ReasoningSettings, type Warning, wireFormats } from '@switchyard/core';
import type { BedrockConverseRequest, BedrockInferenceConfig, BedrockOutputConfig } from './bedrock-api.js';
import { type BedrockModelFamily, bedrockModelFamily } from './bedrock-model-family.js';
import { convertToBedrockMessages } from './convert-to-bedrock-messages.js';
import { type BedrockAnswerTool, prepareBedrockTools } from './prepare-bedrock-tools.js';

export interface EncodedBedrockRequest {
  body: BedrockConverseRequest;
  /** Set when structured output rides on a forced tool call: that tool's input is the answer text. */
  answerToolName?: string;
}

/**
 * How `response_format: json_schema` is sent. `native` (default): Converse `outputConfig.textFormat`
 * (https://docs.aws.amazon.com/bedrock/latest/userguide/structured-output.html), for the models that
 * have it (Claude 4.5 and later, …). `tool`: a tool named after the schema that the model must call,
 * its input turned back into the answer's text — for models without native structured output
 * (Claude thinking refuses forced tools, so not with reasoning).
 */
export type BedrockStructuredOutputMode = 'native' | 'tool';

// Claude wants a thinking budget in tokens; an effort alone is turned into one (with a warning).
const anthropicBudgetByEffort: Record<string, number> = { minimal: 1024, low: 2048, medium: 8192, high: 16384, xhigh: 32768 };

// Keys of providerOptions.bedrock the adapter reads itself; every other key is copied into the body.
const adapterOptionKeys = new Set(['structuredOutputMode', 'additionalModelRequestFields']);

/**
 * The canonical request -> a Converse body. Sampling goes in `inferenceConfig`; what Converse has
 * no field for goes in `additionalModelRequestFields`, which Bedrock hands to the model as is, so
 * its shape depends on the maker: Claude takes `top_k` and `thinking: { type: 'enabled',
 * budget_tokens }`, Nova `inferenceConfig.topK` and `reasoningConfig`, gpt-oss `reasoning_effort`.
 * `providerOptions.bedrock` is merged in last: `additionalModelRequestFields` over the derived
 * ones, any other key (guardrailConfig, performanceConfig, serviceTier, promptVariables, …) into the body.
 */
export function encodeBedrockRequest(request: ChatRequest, warn: (warning: Warning) => void): EncodedBedrockRequest {
  const family = bedrockModelFamily(request.model);
  const options = request.providerOptions?.bedrock ?? {};
  const prompt = convertToBedrockMessages(request.messages, warn);

  const structured = structuredOutput(request, options.structuredOutputMode, warn);
  const toolConfig = prepareBedrockTools(
    { tools: request.tools, toolChoice: request.toolChoice, hasToolBlocks: prompt.hasToolBlocks, answerTool: structured.answerTool },
    warn,
  );

  const inferenceConfig: BedrockInferenceConfig = {};
  if (request.maxOutputTokens !== undefined) inferenceConfig.maxTokens = request.maxOutputTokens;
  if (request.temperature !== undefined) inferenceConfig.temperature = request.temperature;
  if (request.topP !== undefined) inferenceConfig.topP = request.topP;
  if (request.stop !== undefined && request.stop.length > 0) inferenceConfig.stopSequences = request.stop;

  const additional: Record<string, unknown> = {};
  if (request.topK !== undefined) addTopK(additional, request.topK, family, warn);
  if (request.reasoning) addReasoning(additional, request.reasoning, family, warn);
  warnUnsupported(request, warn);

  const body: BedrockConverseRequest = { messages: prompt.messages };
  if (prompt.system.length > 0) body.system = prompt.system;
  if (Object.keys(inferenceConfig).length > 0) body.inferenceConfig = inferenceConfig;
  if (toolConfig) body.toolConfig = toolConfig;
  const extraFields = options.additionalModelRequestFields;
  if (extraFields !== undefined && !isPlainObject(extraFields)) {
    throw new InvalidRequestError('providerOptions.bedrock.additionalModelRequestFields must be an object.', {
      param: 'providerOptions.bedrock.additionalModelRequestFields',
      provider: 'bedrock',
    });
  }
  const additionalFields = { ...additional, ...(extraFields as Record<string, unknown> | undefined) };
  if (Object.keys(additionalFields).length > 0) body.additionalModelRequestFields = additionalFields;
  if (structured.outputConfig) body.outputConfig = structured.outputConfig;
  // Converse logs these with the invocation (model invocation logging), as OpenAI keeps `metadata`.
  if (request.metadata && Object.keys(request.metadata).length > 0) body.requestMetadata = request.metadata;

  for (const [key, value] of Object.entries(options)) {
    if (adapterOptionKeys.has(key)) continue;
    const current = body[key];
    body[key] = isPlainObject(current) && isPlainObject(value) ? { ...current, ...value } : value;
  }
  return { body, answerToolName: structured.answerTool?.name };
}

function structuredOutput(
  request: ChatRequest,
  mode: unknown,
  warn: (warning: Warning) => void,
): { outputConfig?: BedrockOutputConfig; answerTool?: BedrockAnswerTool } {
  if (mode !== undefined && mode !== 'native' && mode !== 'tool') {
    throw new InvalidRequestError('providerOptions.bedrock.structuredOutputMode must be "native" or "tool".', {
      param: 'providerOptions.bedrock.structuredOutputMode',
      provider: 'bedrock',
    });
  }
  const format = request.responseFormat;
  if (!format || format.type === 'text') return {};
  if (format.type === 'json_object') {
    warn({
      type: 'unsupported-value',
      field: 'response_format',
      message: 'Bedrock has no JSON mode without a schema; the model was not constrained. Send a json_schema response format, or ask for JSON in the prompt.',
    });
    return {};
  }
  if (mode === 'tool') {
    return { answerTool: { name: format.name, description: format.description, schema: format.schema } };
  }
  return {
    outputConfig: {
      textFormat: {
        type: 'json_schema',
        structure: {
          // Bedrock takes the schema as a JSON string, not an object.
          jsonSchema: { schema: JSON.stringify(format.schema), name: format.name, ...(format.description ? { description: format.description } : {}) },
        },
      },
    },
  };
}

function addTopK(additional: Record<string, unknown>, topK: number, family: BedrockModelFamily, warn: (warning: Warning) => void): void {
  if (family === 'anthropic') additional.top_k = topK;
  else if (family === 'amazon-nova') additional.inferenceConfig = { topK };
  else {
    warn({
      type: 'unsupported-field',
      field: 'top_k',
      message: 'Converse has no top_k and this model takes none the gateway knows of; pass it in providerOptions.bedrock.additionalModelRequestFields in the model\'s own spelling.',
    });
  }
}

function addReasoning(
  additional: Record<string, unknown>,
  reasoning: ReasoningSettings,
  family: BedrockModelFamily,
  warn: (warning: Warning) => void,
): void {
  if (reasoning.summary !== undefined) {
    warn({ type: 'unsupported-field', field: 'reasoning.summary', message: 'Bedrock does not summarise reasoning; the setting was dropped.' });
  }
  const { effort, budgetTokens } = reasoning;
  if (effort === 'none' || (effort === undefined && budgetTokens === undefined)) return;

  if (family === 'anthropic') {
    let budget = budgetTokens;
    if (budget === undefined) {
      budget = anthropicBudgetByEffort[effort!]!;
      warn({
        type: 'default-applied',
        field: 'reasoning_effort',
        message: `Claude on Bedrock takes a thinking budget in tokens, not an effort; effort "${effort}" was sent as budget_tokens ${budget}.`,
      });
    }
    additional.thinking = { type: 'enabled', budget_tokens: budget };
    return;
  }
  if (family === 'amazon-nova' || family === 'openai') {
    if (budgetTokens !== undefined) {
      warn({ type: 'unsupported-field', field: 'reasoning.budget_tokens', message: 'This Bedrock model takes a reasoning effort, not a token budget; the budget was dropped.' });
    }
    if (effort === undefined) return;
    // Both take low / medium / high only.
    const level = effort === 'minimal' ? 'low' : effort === 'xhigh' ? 'high' : effort;
    if (level !== effort) {
      warn({ type: 'default-applied', field: 'reasoning_effort', message: `This Bedrock model takes low, medium or high; "${effort}" was sent as "${level}".` });
    }
    if (family === 'amazon-nova') additional.reasoningConfig = { type: 'enabled', maxReasoningEffort: level };
    else additional.reasoning_effort = level;
    return;
  }
  warn({
    type: 'unsupported-field',
    field: 'reasoning',
    message: 'The gateway knows no reasoning setting for this Bedrock model; pass one in providerOptions.bedrock.additionalModelRequestFields.',
  });
}

function warnUnsupported(request: ChatRequest, warn: (warning: Warning) => void): void {
  const dropped: Array<[field: string, present: boolean]> = [
    ['seed', request.seed !== undefined],
    ['presence_penalty', request.presencePenalty !== undefined],
    ['frequency_penalty', request.frequencyPenalty !== undefined],
    ['logprobs', request.logprobs === true],
    ['top_logprobs', request.topLogprobs !== undefined],
    ['user', request.user !== undefined],
  ];
  for (const [field, present] of dropped) {
    if (present) warn({ type: 'unsupported-field', field, message: `Bedrock Converse has no ${field}; it was dropped.` });
  }
  if (request.n !== undefined && request.n > 1) {
    warn({ type: 'unsupported-value', field: 'n', message: 'Bedrock returns one choice; n was treated as 1.' });
  }
  // Fields a client format carried for its own provider (service_tier, logit_bias, store …): lost here.
  for (const format of wireFormats) {
    for (const field of Object.keys(request.providerOptions?.[format] ?? {})) {
      warn({ type: 'unsupported-field', field, message: `${field} has no Bedrock Converse equivalent and was not sent.` });
    }
  }
  if (request.parallelToolCalls === false) {
    warn({
      type: 'unsupported-field',
      field: 'parallel_tool_calls',
      message: 'Converse cannot forbid parallel tool calls; the model may still call several tools at once.',
    });
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
