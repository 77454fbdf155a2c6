import type { ToolDefinition, Warning } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { type BedrockToolsInput, prepareBedrockTools } from './prepare-bedrock-tools.js';

const weather: ToolDefinition = {
  name: 'get_weather',
  description: 'Weather of a city',
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
};
const time: ToolDefinition = { name: 'get_time', parameters: {} };

function prepare(input: Partial<BedrockToolsInput>) {
  const warnings: Warning[] = [];
  const config = prepareBedrockTools({ tools: undefined, toolChoice: undefined, hasToolBlocks: false, ...input }, (warning) => warnings.push(warning));
  return { config, warnings };
}

describe('prepareBedrockTools', () => {
  it('maps tools to toolSpec with the JSON schema, and leaves auto as the default choice', () => {
    const { config } = prepare({ tools: [weather, time], toolChoice: { type: 'auto' } });
    expect(config).toEqual({
      tools: [
        { toolSpec: { name: 'get_weather', description: 'Weather of a city', inputSchema: { json: weather.parameters } } },
        { toolSpec: { name: 'get_time', inputSchema: { json: { type: 'object', properties: {} } } } },
      ],
    });
  });

  it('maps required to any and a named tool to tool', () => {
    expect(prepare({ tools: [weather], toolChoice: { type: 'required' } }).config?.toolChoice).toEqual({ any: {} });
    expect(prepare({ tools: [weather], toolChoice: { type: 'tool', name: 'get_weather' } }).config?.toolChoice).toEqual({ tool: { name: 'get_weather' } });
    expect(() => prepare({ tools: [weather], toolChoice: { type: 'tool', name: 'nope' } })).toThrow(expect.objectContaining({ param: 'tool_choice' }));
  });

  it('leaves the tools out for none, which is what none means', () => {
    expect(prepare({ tools: [weather], toolChoice: { type: 'none' } })).toEqual({ config: undefined, warnings: [] });
  });

  it('keeps the tools for none when the history holds tool calls, with a warning', () => {
    const { config, warnings } = prepare({ tools: [weather], toolChoice: { type: 'none' }, hasToolBlocks: true });
    expect(config?.tools).toHaveLength(1);
    expect(config?.toolChoice).toBeUndefined();
    expect(warnings).toEqual([expect.objectContaining({ type: 'unsupported-value', field: 'tool_choice' })]);
  });

  it('adds a cachePoint after a tool with a cache hint and forwards strict', () => {
    const { config } = prepare({ tools: [{ ...weather, strict: true, cache: { type: 'ephemeral' } }, time] });
    expect(config?.tools[0]).toMatchObject({ toolSpec: { strict: true } });
    expect(config?.tools[1]).toEqual({ cachePoint: { type: 'default' } });
  });

  it('adds the answer tool and forces it (or any tool when the user offered some)', () => {
    const answerTool = { name: 'final_result', schema: { type: 'object', properties: { city: { type: 'string' } } } };
    expect(prepare({ answerTool }).config).toEqual({
      tools: [{ toolSpec: { name: 'final_result', inputSchema: { json: answerTool.schema } } }],
      toolChoice: { tool: { name: 'final_result' } },
    });
    const withTools = prepare({ tools: [weather], answerTool }).config;
    expect(withTools?.tools.map((tool) => ('toolSpec' in tool ? tool.toolSpec.name : 'cachePoint'))).toEqual(['get_weather', 'final_result']);
    expect(withTools?.toolChoice).toEqual({ any: {} });
    expect(() => prepare({ tools: [{ ...weather, name: 'final_result' }], answerTool })).toThrow(/name of its own/);
  });

  it('says so when a tool choice comes without tools', () => {
    expect(prepare({ toolChoice: { type: 'required' } })).toEqual({
      config: undefined,
      warnings: [expect.objectContaining({ field: 'tool_choice' })],
    });
  });
});
