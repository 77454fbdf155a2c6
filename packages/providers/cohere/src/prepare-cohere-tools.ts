import type { ChatRequest, Warning } from '@switchyard/core';
import type { CohereChatRequest, CohereTool } from './cohere-api.js';
import { prepareCohereJsonSchema } from './prepare-cohere-json-schema.js';

export type PreparedCohereTools = Pick<CohereChatRequest, 'tools' | 'tool_choice' | 'strict_tools'>;

/**
 * Tools, tool choice and strictness → `tools`, `tool_choice`, `strict_tools`.
 * https://docs.cohere.com/docs/tool-use-overview
 *
 * - Each tool → `{type: 'function', function: {name, description, parameters}}`.
 * - Tool choice: auto is Cohere's default (left out), none → NONE, required → REQUIRED. Cohere
 *   cannot name one tool, so a named choice sends only that tool with REQUIRED: the model must
 *   call a tool and has exactly one — the same constraint.
 * - Strictness is per request in Cohere (`strict_tools`): sent when every tool asks for it
 *   (schemas are then prepared for constrained decoding), with a warning when only some do.
 * - Cohere always allows parallel calls; `parallelToolCalls: false` cannot be honoured.
 */
export function prepareCohereTools(request: ChatRequest, warnings: Warning[]): PreparedCohereTools {
  const prepared: PreparedCohereTools = {};
  const tools = request.tools ?? [];
  const choice = request.toolChoice;

  if (request.parallelToolCalls === false && tools.length > 0) {
    warnings.push({ type: 'unsupported-value', field: 'parallelToolCalls', message: 'Cohere cannot turn parallel tool calls off; the model may call several tools at once.' });
  }
  if (tools.length === 0) {
    if (choice !== undefined && choice.type !== 'auto' && choice.type !== 'none') {
      warnings.push({ type: 'unsupported-value', field: 'toolChoice', message: 'A tool choice without tools cannot be sent to Cohere; it was left out.' });
    }
    return prepared;
  }

  const strictCount = tools.filter((tool) => tool.strict === true).length;
  const strict = strictCount === tools.length;
  if (strictCount > 0 && !strict) {
    warnings.push({ type: 'unsupported-value', field: 'tools', message: 'Cohere applies strict tool schemas to all tools or none; some tools were not strict, so none were.' });
  }
  if (tools.some((tool) => tool.cache !== undefined)) {
    warnings.push({ type: 'unsupported-field', field: 'tools.cache', message: 'Cohere has no prompt-caching hints; tool cache hints were not sent.' });
  }

  const removed = new Set<string>();
  const selected = choice?.type === 'tool' ? tools.filter((tool) => tool.name === choice.name) : tools;
  if (choice?.type === 'tool' && selected.length === 0) {
    warnings.push({ type: 'unsupported-value', field: 'toolChoice', message: `No tool is named "${choice.name}"; every tool was offered and one must be called.` });
  }
  prepared.tools = (selected.length > 0 ? selected : tools).map((tool): CohereTool => {
    let parameters = tool.parameters;
    if (strict) {
      const schema = prepareCohereJsonSchema(parameters);
      parameters = schema.schema;
      for (const keyword of schema.removed) removed.add(keyword);
    }
    const definition: CohereTool['function'] =
      tool.description === undefined ? { name: tool.name, parameters } : { name: tool.name, description: tool.description, parameters };
    return { type: 'function', function: definition };
  });
  if (removed.size > 0) {
    warnings.push({ type: 'unsupported-value', field: 'tools', message: `Cohere's strict tools do not support ${[...removed].join(', ')}; removed from the tool schemas.` });
  }
  if (strict) prepared.strict_tools = true;

  if (choice?.type === 'none') prepared.tool_choice = 'NONE';
  else if (choice?.type === 'required' || choice?.type === 'tool') prepared.tool_choice = 'REQUIRED';
  return prepared;
}
