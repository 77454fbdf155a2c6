import type { ChatRequest, Warning } from '@switchyard/core';
import { convertJsonSchemaToGoogleSchema } from './convert-json-schema-to-google-schema.js';
import type { GoogleFunctionDeclaration, GoogleTool, GoogleToolConfig } from './google-api.js';
import type { GoogleProviderOptions } from './google-provider-options.js';
import { prepareGoogleJsonSchema } from './prepare-google-json-schema.js';

export interface PreparedGoogleTools {
  tools?: GoogleTool[];
  toolConfig?: GoogleToolConfig;
}

/**
 * Tool definitions and tool choice → `tools[].functionDeclarations` and
 * `toolConfig.functionCallingConfig`. https://ai.google.dev/gemini-api/docs/function-calling
 *
 * Parameters go as plain JSON Schema in `parametersJsonSchema` by default: Google added the
 * field (mid-2025, Gemini API and Vertex AI) precisely so that JSON Schema no longer has to be
 * squeezed into the OpenAPI-subset `parameters`, which rejects every keyword it does not
 * define (additionalProperties, $ref, $defs, const, exclusiveMinimum …) with a 400. Recordings
 * (pydantic-ai, js-genai) show it answered on gemini-2.0-flash through gemini-3-pro with
 * `$schema`, `additionalProperties: false` and `pattern` in place. `schemaMode: 'openapi'`
 * keeps the old field, converting and stripping (see convert-json-schema-to-google-schema.ts).
 *
 * Tool choice: auto → AUTO, none → NONE, required → ANY, a named tool → ANY with
 * allowedFunctionNames [name].
 */
export function prepareGoogleTools(request: ChatRequest, options: GoogleProviderOptions, warnings: Warning[]): PreparedGoogleTools {
  const prepared: PreparedGoogleTools = {};
  const declarations = (request.tools ?? []).map((tool, index): GoogleFunctionDeclaration => {
    const declaration: GoogleFunctionDeclaration = { name: tool.name };
    if (tool.description !== undefined) declaration.description = tool.description;
    if (options.schemaMode === 'openapi') {
      const converted = convertJsonSchemaToGoogleSchema(tool.parameters);
      declaration.parameters = converted.schema;
      if (converted.dropped.length > 0) {
        warnings.push({
          type: 'unsupported-value',
          field: `tools[${index}].parameters`,
          message: `Gemini's Schema object has no ${converted.dropped.join(', ')}; removed from the parameters of "${tool.name}".`,
        });
      }
    } else {
      declaration.parametersJsonSchema = prepareGoogleJsonSchema(tool.parameters);
    }
    if (tool.strict === true) {
      warnings.push({ type: 'unsupported-field', field: `tools[${index}].strict`, message: 'Gemini has no strict mode for function calls; strict was ignored.' });
    }
    if (tool.cache !== undefined) {
      warnings.push({ type: 'unsupported-field', field: `tools[${index}].cache`, message: 'Gemini takes no cache hints on tools; ignored.' });
    }
    return declaration;
  });

  const tools: GoogleTool[] = [];
  if (declarations.length > 0) tools.push({ functionDeclarations: declarations });
  if (options.tools) tools.push(...options.tools);
  if (tools.length > 0) prepared.tools = tools;

  const choice = request.toolChoice;
  if (choice !== undefined && declarations.length > 0) {
    switch (choice.type) {
      case 'auto':
        prepared.toolConfig = { functionCallingConfig: { mode: 'AUTO' } };
        break;
      case 'none':
        prepared.toolConfig = { functionCallingConfig: { mode: 'NONE' } };
        break;
      case 'required':
        prepared.toolConfig = { functionCallingConfig: { mode: 'ANY' } };
        break;
      case 'tool':
        prepared.toolConfig = { functionCallingConfig: { mode: 'ANY', allowedFunctionNames: [choice.name] } };
        break;
    }
  }
  if (options.toolConfig) prepared.toolConfig = { ...prepared.toolConfig, ...options.toolConfig };

  if (request.parallelToolCalls === false && declarations.length > 0) {
    warnings.push({
      type: 'unsupported-field',
      field: 'parallelToolCalls',
      message: 'Gemini cannot be told to make one call at a time; it may still call several tools at once.',
    });
  }
  return prepared;
}
