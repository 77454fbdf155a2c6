import type { ChatRequest, Warning } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { prepareCohereTools } from './prepare-cohere-tools.js';

const weather = { name: 'weather', description: 'Weather now', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } };
const time = { name: 'time', parameters: { type: 'object', properties: {} } };

function prepare(extra: Partial<ChatRequest>) {
  const warnings: Warning[] = [];
  const request: ChatRequest = { model: 'command-a-03-2025', stream: false, messages: [], ...extra };
  return { prepared: prepareCohereTools(request, warnings), warnings };
}

describe('prepareCohereTools', () => {
  it('sends function tools, leaving auto out', () => {
    const { prepared, warnings } = prepare({ tools: [weather, time], toolChoice: { type: 'auto' } });
    expect(prepared).toEqual({
      tools: [
        { type: 'function', function: { name: 'weather', description: 'Weather now', parameters: weather.parameters } },
        { type: 'function', function: { name: 'time', parameters: time.parameters } },
      ],
    });
    expect(warnings).toEqual([]);
  });

  it('maps none and required', () => {
    expect(prepare({ tools: [weather], toolChoice: { type: 'none' } }).prepared.tool_choice).toBe('NONE');
    expect(prepare({ tools: [weather], toolChoice: { type: 'required' } }).prepared.tool_choice).toBe('REQUIRED');
  });

  it('sends a named choice as that tool alone with REQUIRED', () => {
    const { prepared } = prepare({ tools: [weather, time], toolChoice: { type: 'tool', name: 'time' } });
    expect(prepared.tools!.map((tool) => tool.function.name)).toEqual(['time']);
    expect(prepared.tool_choice).toBe('REQUIRED');
  });

  it('turns strict_tools on when every tool is strict, preparing the schemas', () => {
    const { prepared, warnings } = prepare({
      tools: [{ ...weather, strict: true, parameters: { type: 'object', properties: { city: { type: 'string', minLength: 2 } }, required: ['city'] } }],
    });
    expect(prepared.strict_tools).toBe(true);
    expect(prepared.tools![0]!.function.parameters).toEqual({ type: 'object', properties: { city: { type: 'string' } }, required: ['city'] });
    expect(warnings).toEqual([expect.objectContaining({ field: 'tools', message: expect.stringContaining('minLength') })]);
  });

  it('warns when only some tools are strict, when parallel calls cannot be turned off, and about a choice without tools', () => {
    expect(prepare({ tools: [{ ...weather, strict: true }, time] }).warnings).toEqual([expect.objectContaining({ field: 'tools' })]);
    expect(prepare({ tools: [weather], parallelToolCalls: false }).warnings).toEqual([expect.objectContaining({ field: 'parallelToolCalls' })]);
    const withoutTools = prepare({ toolChoice: { type: 'required' } });
    expect(withoutTools.prepared).toEqual({});
    expect(withoutTools.warnings).toEqual([expect.objectContaining({ field: 'toolChoice' })]);
  });
});
