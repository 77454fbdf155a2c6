import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningGateway, startGateway } from '../src/create-gateway.js';
import type { GatewayConfigInput } from '../src/gateway-config.js';
import { parseConfig } from '../src/load-config.js';
import { startTgiMock, type TgiMock } from '../../../examples/provider-tgi/test/tgi-mock.js';

// Third-party adapters named in the config's `plugins`: resolved from the config file's folder,
// checked against core's contract, refused with a message naming the plugin and the problem, and
// once loaded served like any bundled adapter. The working plugin is the example TGI adapter
// (examples/provider-tgi), loaded by path, against its mock TGI on loopback.
const gatewayDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const chat = '{ streaming: false, tools: false, parallelTools: false, images: false, files: false, audio: false, reasoning: false, jsonObject: false, jsonSchema: false }';
const operations = `{
  async generate(request) { return { id: 'plugin-1', model: request.model, content: [{ type: 'text', text: 'from a plugin' }], finishReason: { unified: 'stop', raw: 'stop' } }; },
  async stream() { throw new Error('not streamed'); },
}`;

let pluginRoot: string;

/** Writes a plugin package (plain ESM, no dependencies) under the temp folder's node_modules or at a path. */
function writePlugin(folder: string, source: string, manifest: object = { type: 'module', exports: { '.': { import: './dist/index.js' } } }) {
  const dir = join(pluginRoot, folder);
  mkdirSync(join(dir, 'dist'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest));
  writeFileSync(join(dir, 'dist/index.js'), source);
}

function start(config: GatewayConfigInput, options: { baseDir?: string; env?: NodeJS.ProcessEnv } = {}): Promise<RunningGateway> {
  return startGateway({
    config: parseConfig({ responses: { store: 'memory' }, ...config }, options.env ?? {}),
    env: options.env ?? {},
    host: '127.0.0.1',
    port: 0,
    pluginBaseDir: options.baseDir ?? pluginRoot,
    // The example is a workspace package: its TypeScript sources load through the `source` condition.
    pluginConditions: ['source', 'import', 'default'],
  });
}

beforeAll(() => {
  pluginRoot = mkdtempSync(join(tmpdir(), 'switchyard-plugins-'));
  writePlugin('node_modules/@acme/switchyard-provider-hello', `export function createProvider() {
    return { specificationVersion: 1, id: 'acme-hello', name: 'Acme hello', local: true, capabilities: { chat: ${chat} }, chat: ${operations} };
  }`);
  writePlugin('local/future', `export default { specificationVersion: 2, id: 'future', name: 'From the future', capabilities: { chat: ${chat} }, chat: ${operations} };`);
  writePlugin('local/bad-id', `export default { specificationVersion: 1, id: 'Bad Id', name: 'Bad id', capabilities: { chat: ${chat} }, chat: ${operations} };`);
  writePlugin('local/no-stream', `export default { specificationVersion: 1, id: 'no-stream', name: 'No stream', capabilities: { chat: ${chat} }, chat: { async generate() {} } };`);
  writePlugin('local/openai-again', `export const provider = { specificationVersion: 1, id: 'openai', name: 'Another OpenAI', capabilities: { chat: ${chat} }, chat: ${operations} };`);
  writePlugin('local/hello-again', `export default { specificationVersion: 1, id: 'acme-hello', name: 'Hello twice', capabilities: { chat: ${chat} }, chat: ${operations} };`);
  writePlugin('local/nothing', `export const version = 3;`);
  writePlugin('local/unbuilt', '', { type: 'module', exports: { '.': { import: './dist/missing.js' } } });
});
afterAll(() => rmSync(pluginRoot, { recursive: true, force: true }));

describe('plugins the gateway refuses to start with', () => {
  const refusals: Array<[string, string[], RegExp]> = [
    ['a package that is not installed', ['@acme/switchyard-provider-missing'], /^Plugin "@acme\/switchyard-provider-missing": not found: no package "@acme\/switchyard-provider-missing" in node_modules of .*switchyard-plugins-/],
    ['a path that does not exist', ['./local/nowhere'], /^Plugin "\.\/local\/nowhere": not found: .*local\/nowhere does not exist/],
    ['a package whose entry was never built', ['./local/unbuilt'], /^Plugin "\.\/local\/unbuilt": not found: its entry .*dist\/missing\.js does not exist \(is the package built\?\)/],
    ['another specification version', ['./local/future'], /^Plugin "\.\/local\/future": wrong version: it implements adapter specification 2, this gateway's core implements 1/],
    ['an invalid definition', ['./local/bad-id'], /^Plugin "\.\/local\/bad-id": invalid definition: id: must be lower-case letters, digits and dashes/],
    ['a module with no adapter', ['./local/nothing'], /^Plugin "\.\/local\/nothing": invalid definition: it exports no adapter/],
    ['a missing operation', ['./local/no-stream'], /^Plugin "\.\/local\/no-stream": missing operation: declares chat capabilities but does not implement chat.generate and chat.stream$/],
    ['the id of a bundled adapter', ['./local/openai-again'], /^Plugin "\.\/local\/openai-again": duplicate id: "openai" is already the id of the bundled adapter "openai"$/],
    ['the id of another plugin', ['@acme/switchyard-provider-hello', './local/hello-again'], /^Plugin "\.\/local\/hello-again": duplicate id: "acme-hello" is already the id of the plugin "@acme\/switchyard-provider-hello"$/],
  ];
  for (const [what, plugins, message] of refusals) {
    it(`refuses ${what}`, async () => {
      await expect(start({ plugins })).rejects.toThrow(message);
    });
  }
});

describe('a plugin package loaded by name', () => {
  it('resolves from node_modules beside the config, through its exports, and serves under its id', async () => {
    const gateway = await start({ plugins: ['@acme/switchyard-provider-hello'] });
    try {
      const client = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'x', maxRetries: 0 });
      const completion = await client.chat.completions.create({ model: '@acme-hello/any', messages: [{ role: 'user', content: 'hi' }] });
      expect(completion.choices[0]!.message.content).toBe('from a plugin');
    } finally {
      await gateway.close();
    }
  });
});

describe('the example TGI adapter as a plugin', () => {
  let upstream: TgiMock;
  let gateway: RunningGateway;
  let client: OpenAI;

  beforeAll(async () => {
    upstream = await startTgiMock();
    gateway = await start(
      {
        plugins: ['../../examples/provider-tgi'],
        providers: { 'tgi-local': { adapter: 'tgi', baseURL: upstream.baseURL, apiKey: 'hf_entry_token' } },
        configs: { 'tgi-only': { strategy: { mode: 'fallback' }, targets: [{ provider: '@tgi-local', override_params: { model: 'llama-3.1-8b' } }] } },
      },
      // The plugin's default entry takes its base URL from the variable its adapter names.
      { baseDir: gatewayDir, env: { TGI_BASE_URL: upstream.baseURL } },
    );
    client = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'gateway-client', maxRetries: 0 });
  });
  afterAll(async () => {
    await upstream?.close();
    await gateway?.close();
  });

  it('answers a model string naming a config entry of the plugin, sending TGI its native request', async () => {
    const before = upstream.received.length;
    const { data, response } = await client.chat.completions
      .create({ model: '@tgi-local/llama-3.1-8b', messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'hello plugin' }], max_tokens: 20, temperature: 0.5 })
      .withResponse();
    expect(data.choices[0]!.message.content).toBe('echo: hello plugin');
    expect(data.choices[0]!.finish_reason).toBe('stop');
    expect(data.usage).toMatchObject({ completion_tokens: 3, total_tokens: data.usage!.prompt_tokens + 3 });
    expect(response.headers.get('x-switchyard-provider')).toBe('tgi-local');
    const sent = upstream.received[before]!;
    expect(sent.path).toBe('/generate');
    expect(sent.headers.authorization).toBe('Bearer hf_entry_token');
    expect(sent.json).toEqual({
      inputs: '<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nhello plugin<|im_end|>\n<|im_start|>assistant\n',
      parameters: { details: true, return_full_text: false, max_new_tokens: 20, temperature: 0.5 },
    });
  });

  it('streams through a named config whose target is the plugin', async () => {
    const before = upstream.received.length;
    const stream = await client.chat.completions.create(
      { model: 'ignored-by-override', messages: [{ role: 'user', content: 'stream me please' }], stream: true, stream_options: { include_usage: true } },
      { headers: { 'x-switchyard-config': 'tgi-only' } },
    );
    let text = '';
    let usage: OpenAI.CompletionUsage | undefined | null;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta?.content ?? '';
      usage = chunk.usage ?? usage;
    }
    expect(text).toBe('echo: stream me please');
    expect(usage).toMatchObject({ completion_tokens: 4 });
    expect(usage!.prompt_tokens).toBeGreaterThan(0);
    expect(upstream.received[before]!.path).toBe('/generate_stream');
  });

  it('is addressed by x-switchyard-provider, its default entry configured from its environment variable', async () => {
    const before = upstream.received.length;
    const completion = await client.chat.completions.create(
      { model: 'llama-3.1-8b', messages: [{ role: 'user', content: 'by header' }] },
      { headers: { 'x-switchyard-provider': 'tgi' } },
    );
    expect(completion.choices[0]!.message.content).toBe('echo: by header');
    // Header mode, as for a bundled adapter: the client's own bearer key is the provider key.
    expect(upstream.received[before]!.headers.authorization).toBe('Bearer gateway-client');
  });
});
