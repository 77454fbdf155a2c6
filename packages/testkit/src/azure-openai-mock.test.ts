import OpenAI, { AzureOpenAI } from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startAzureOpenAIMock, type AzureOpenAIMock } from './azure-openai-mock.js';

const json = (response: Response): Promise<any> => response.json();

let mock: AzureOpenAIMock;

beforeAll(async () => {
  mock = await startAzureOpenAIMock({ apiKey: 'azure-key', adToken: 'entra-token', deployments: ['gpt-4o'] });
});
afterAll(() => mock.close());
beforeEach(() => mock.reset());

const post = (path: string, body: object, headers: Record<string, string> = { 'api-key': 'azure-key' }) =>
  fetch(`${mock.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
const hello = { messages: [{ role: 'user', content: 'hello there' }] };

describe('Azure OpenAI mock', () => {
  it('answers on a deployment URL with Azure’s filter annotations', async () => {
    const response = await post('/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21', hello);
    expect(response.status).toBe(200);
    expect(response.headers.get('apim-request-id')).toBeTruthy();
    const body = await json(response);
    expect(body.choices[0].message.content).toBe('echo: hello there');
    expect(body.choices[0].content_filter_results.hate).toEqual({ filtered: false, severity: 'safe' });
    expect(body.prompt_filter_results[0].prompt_index).toBe(0);
  });

  it('streams with a leading prompt-filter chunk, readable by the openai SDK’s Azure client', async () => {
    const client = new AzureOpenAI({ apiKey: 'azure-key', endpoint: mock.url, apiVersion: '2024-10-21', deployment: 'gpt-4o', maxRetries: 0 });
    const chunks: OpenAI.ChatCompletionChunk[] = [];
    const stream = await client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hello there' }], stream: true, stream_options: { include_usage: true } });
    for await (const chunk of stream) chunks.push(chunk);
    expect(mock.received[0]!.path).toBe('/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21');
    expect(chunks[0]).toMatchObject({ id: '', choices: [], prompt_filter_results: expect.any(Array) });
    expect(chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('')).toBe('echo: hello there');
    expect((chunks[2]!.choices[0] as unknown as Record<string, unknown>).content_filter_results).toMatchObject({ hate: { filtered: false } });
    expect(chunks.at(-1)!.usage).toMatchObject({ prompt_tokens: 2, completion_tokens: 3 });
  });

  it('answers like Azure when the URL, version, deployment or key is wrong', async () => {
    const noVersion = await post('/openai/deployments/gpt-4o/chat/completions', hello);
    expect([noVersion.status, (await json(noVersion)).error.message]).toEqual([404, 'Resource not found']);
    const oldVersion = await post('/openai/deployments/gpt-4o/chat/completions?api-version=2019-01-01', hello);
    expect([oldVersion.status, (await json(oldVersion)).error.message]).toEqual([400, 'API version not supported']);
    const unknown = await post('/openai/deployments/nope/chat/completions?api-version=2024-10-21', hello);
    expect([unknown.status, (await json(unknown)).error.code]).toEqual([404, 'DeploymentNotFound']);
    const badKey = await post('/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21', hello, { 'api-key': 'wrong' });
    expect(badKey.status).toBe(401);
    const badToken = await post('/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21', hello, { authorization: 'Bearer wrong' });
    expect([badToken.status, (await json(badToken)).statusCode]).toEqual([401, 401]);
    const goodToken = await post('/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21', hello, { authorization: 'Bearer entra-token' });
    expect(goodToken.status).toBe(200);
  });

  it('blocks a prompt asking for the content filter with Azure’s 400', async () => {
    const response = await post('/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21', { messages: [{ role: 'user', content: 'please trigger the content filter' }] });
    expect(response.status).toBe(400);
    expect((await json(response)).error).toMatchObject({ code: 'content_filter', innererror: { code: 'ResponsibleAIPolicyViolation' } });
  });

  it('serves the v1 API with the deployment in model, and reasoning tokens for reasoning_effort', async () => {
    const response = await post('/openai/v1/chat/completions', { model: 'gpt-4o', reasoning_effort: 'low', ...hello });
    const body = await json(response);
    expect(body.model).toBe('gpt-4o');
    expect(body.usage.completion_tokens_details.reasoning_tokens).toBe(64);
    expect(body.usage.completion_tokens).toBe(3 + 64);
  });

  it('ends a stream with an error chunk when told to', async () => {
    mock.streamErrorNext({ afterChunks: 2 });
    const response = await post('/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21', { ...hello, stream: true });
    const text = await response.text();
    expect(text.trimEnd().split('\n\n').at(-1)).toMatch(/^data: \{"error":\{"code":"InternalServerError"/);
    expect(text).not.toContain('[DONE]');
  });
});
