import { InvalidRequestError, type ToolChoice, type ToolDefinition, type Warning } from '@switchyard/core';
import type { BedrockToolConfig, BedrockToolSpecification } from './bedrock-api.js';

/** The tool that carries a structured answer when structured output goes through a forced tool call. */
export interface BedrockAnswerTool {
  name: string;
  description?: string;
  schema: Record<string, unknown>;
}

export interface BedrockToolsInput {
  tools: ToolDefinition[] | undefined;
  toolChoice: ToolChoice | undefined;
  /** The history holds toolUse / toolResult blocks (Bedrock then refuses a request without toolConfig). */
  hasToolBlocks: boolean;
  answerTool?: BedrockAnswerTool;
}

/**
 * Canonical tools -> Converse `toolConfig` (https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_ToolConfiguration.html).
 * Tool choice: auto -> Bedrock's default (left out), required -> `any`, a named tool -> `tool`.
 * Bedrock has no `none`: the tools are left out instead, which is what `none` means — unless the
 * history holds tool calls, where Bedrock insists on the tool definitions; they are then sent
 * with the default (auto) choice and a warning.
 */
export function prepareBedrockTools(input: BedrockToolsInput, warn: (warning: Warning) => void): BedrockToolConfig | undefined {
  const userTools = input.tools ?? [];
  const choice = input.toolChoice;

  if (choice?.type === 'none' && userTools.length > 0 && !input.hasToolBlocks) {
    return input.answerTool ? { tools: [toolSpecification(input.answerTool)], toolChoice: { tool: { name: input.answerTool.name } } } : undefined;
  }

  const tools: BedrockToolConfig['tools'] = [];
  for (const tool of userTools) {
    tools.push(toolSpecification({ name: tool.name, description: tool.description, schema: tool.parameters, strict: tool.strict }));
    if (tool.cache) tools.push({ cachePoint: { type: 'default', ...(tool.cache.ttl ? { ttl: tool.cache.ttl } : {}) } });
  }
  if (input.answerTool) {
    if (userTools.some((tool) => tool.name === input.answerTool!.name)) {
      throw new InvalidRequestError(
        `The response format "${input.answerTool.name}" has the name of one of the tools; Bedrock structured output through a tool needs a name of its own.`,
        { param: 'response_format', provider: 'bedrock' },
      );
    }
    tools.push(toolSpecification(input.answerTool));
  }

  if (tools.length === 0) {
    if (choice && choice.type !== 'auto' && choice.type !== 'none') {
      warn({ type: 'unsupported-value', field: 'tool_choice', message: 'A tool choice was given without tools; Bedrock got neither.' });
    }
    return undefined;
  }

  const config: BedrockToolConfig = { tools };
  switch (choice?.type) {
    case undefined:
    case 'auto':
      // With structured output through a tool, some tool must be called: the answer or a user tool.
      if (input.answerTool) config.toolChoice = userTools.length > 0 ? { any: {} } : { tool: { name: input.answerTool.name } };
      break;
    case 'none':
      warn({
        type: 'unsupported-value',
        field: 'tool_choice',
        message: 'Bedrock has no "none" tool choice and needs the tool definitions while the history holds tool calls; the tools were sent with the default (auto) choice.',
      });
      break;
    case 'required':
      config.toolChoice = { any: {} };
      break;
    case 'tool':
      if (!userTools.some((tool) => tool.name === choice.name)) {
        throw new InvalidRequestError(`tool_choice names the tool "${choice.name}", which is not among the tools.`, {
          param: 'tool_choice',
          provider: 'bedrock',
        });
      }
      config.toolChoice = { tool: { name: choice.name } };
      break;
  }
  return config;
}

function toolSpecification(tool: BedrockAnswerTool & { strict?: boolean }): BedrockToolSpecification {
  return {
    toolSpec: {
      name: tool.name,
      ...(tool.description ? { description: tool.description } : {}),
      inputSchema: { json: inputSchema(tool.schema) },
      ...(tool.strict !== undefined ? { strict: tool.strict } : {}),
    },
  };
}

// OpenAI lets a tool without parameters have an empty (or no) schema; Bedrock's models want an
// object schema, so an empty one is spelt out as the no-parameter object it means.
function inputSchema(schema: Record<string, unknown>): Record<string, unknown> {
  return Object.keys(schema).length === 0 ? { type: 'object', properties: {} } : schema;
}
