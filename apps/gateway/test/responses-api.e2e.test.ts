import { type AnthropicMock, type OpenAIMock, startAnthropicMock, startOpenAIMock } from '@switchyard/testkit';
import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from './start-test-gateway.js';

// The Responses front: the official openai SDK's responses.create / responses.stream against
// the built-in mock and Anthropic (translated) and OpenAI (bytes through to /v1/responses).
describe('openai.responses through the gateway', () => {
  let anthropicUpstream: AnthropicMock;
  let openaiUpstream: OpenAIMock;
  let gateway: TestGateway;
  let client: OpenAI;

  beforeAll(async () => {
    anthropicUpstream = await startAnthropicMock();
    openaiUpstream = await startOpenAIMock();
    gateway = await startTestGateway({
      providers: {
        claude: { adapter: 'anthropic', apiKey: 'sk-ant', baseURL: `${anthropicUpstream.url}/v1` },
        gpt: { adapter: 'openai', apiKey: 'sk-openai', baseURL: `${openaiUpstream.url}/v1` },
      },
    });
    client = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'unused', maxRetries: 0 });
  });
  afterAll(async () => {
    await gateway?.close();
    await anthropicUpstream?.close();
    await openaiUpstream?.close();
  });
  beforeEach(() => {
    anthropicUpstream.reset();
    openaiUpstream.reset();
  });

  it('answers a string input from the built-in mock, streamed and not', async () => {
    const response = await client.responses.create({ model: 'echo-1', input: 'hello responses', instructions: 'be brief' });
    expect(response.output_text).toBe('echo: hello responses');
    expect(response.status).toBe('completed');
    expect(response.usage?.total_tokens).toBeGreaterThan(0);

    const stream = client.responses.stream({ model: 'echo-1', input: 'streamed words' });
    let deltas = '';
    stream.on('response.output_text.delta', (event) => (deltas += event.delta));
    const final = await stream.finalResponse();
    expect(deltas).toBe('echo: streamed words');
    expect(final.output_text).toBe('echo: streamed words');
  });

  it('translates to Anthropic: instructions as system, function calls and their outputs across turns', async () => {
    const tools: OpenAI.Responses.FunctionTool[] = [
      { type: 'function', name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] }, strict: false },
      { type: 'function', name: 'get_time', parameters: { type: 'object', properties: {} }, strict: false },
    ];
    const first = await client.responses
      .stream({ model: '@claude/claude-sonnet-4-5', instructions: 'use tools', input: 'please call tools', tools, max_output_tokens: 500 })
      .finalResponse();
    const calls = first.output.filter((item) => item.type === 'function_call') as OpenAI.Responses.ResponseFunctionToolCall[];
    expect(calls.map((call) => [call.name, JSON.parse(call.arguments)])).toEqual([
      ['get_weather', { city: 'city' }],
      ['get_time', {}],
    ]);
    const sent = anthropicUpstream.received[0]!.json as { system: unknown; max_tokens: number; tools: Array<{ name: string }> };
    expect(JSON.stringify(sent.system)).toContain('use tools');
    expect(sent.max_tokens).toBe(500);
    expect(sent.tools.map((tool) => tool.name)).toEqual(['get_weather', 'get_time']);

    const second = await client.responses.create({
      model: '@claude/claude-sonnet-4-5',
      tools,
      max_output_tokens: 500,
      input: [
        { role: 'user', content: 'please call tools' },
        ...calls.map((call) => ({ type: 'function_call' as const, call_id: call.call_id, name: call.name, arguments: call.arguments })),
        ...calls.map((call) => ({ type: 'function_call_output' as const, call_id: call.call_id, output: `done ${call.name}` })),
      ],
    });
    expect(second.output_text).toBe('echo: done get_weather done get_time');
    const followUp = anthropicUpstream.received[1]!.json as { messages: Array<{ role: string; content: Array<{ type: string; tool_use_id?: string }> }> };
    const results = followUp.messages.at(-1)!.content.filter((block) => block.type === 'tool_result');
    expect(results.map((block) => block.tool_use_id)).toEqual(calls.map((call) => call.call_id));
  });

  it('forwards Responses bytes to OpenAI untouched but for the model', async () => {
    const answer = {
      id: 'resp_test123',
      object: 'response',
      created_at: 1_760_000_000,
      status: 'completed',
      model: 'gpt-4.1-2025-04-14',
      output: [{ id: 'msg_1', type: 'message', status: 'completed', role: 'assistant', content: [{ type: 'output_text', text: 'native answer', annotations: [] }] }],
      usage: { input_tokens: 5, input_tokens_details: { cached_tokens: 0 }, output_tokens: 2, output_tokens_details: { reasoning_tokens: 0 }, total_tokens: 7 },
    };
    openaiUpstream.replayNext({ body: JSON.stringify(answer), contentType: 'application/json' });
    const response = await client.responses.create({ model: '@gpt/gpt-4.1', input: 'native please', store: false });
    expect(response.id).toBe('resp_test123');
    expect(response.output_text).toBe('native answer');
    expect(openaiUpstream.received[0]!.path).toBe('/v1/responses');
    expect(openaiUpstream.received[0]!.json).toEqual({ model: 'gpt-4.1', input: 'native please', store: false });
    expect(gateway.records.at(-1)).toMatchObject({ passthrough: true, format: 'openai-responses', usage: { input: 5, output: 2 } });
  });

  it('rejects a request without a model in OpenAI error shape', async () => {
    const error = await client.responses.create({ input: 'x' } as never).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
  });

  it('carries structured output from text.format to Anthropic output_config', async () => {
    const schema = { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false };
    const response = await client.responses.create({
      model: '@claude/claude-sonnet-4-5',
      input: 'give me a city',
      max_output_tokens: 200,
      text: { format: { type: 'json_schema', name: 'place', schema, strict: true } },
    });
    expect(() => JSON.parse(response.output_text)).not.toThrow();
    const sent = anthropicUpstream.received[0]!.json as { output_config?: { format?: { type: string; schema: unknown } } };
    expect(sent.output_config?.format).toMatchObject({ type: 'json_schema', schema: { type: 'object', required: ['city'] } });
  });
});
