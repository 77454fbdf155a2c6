import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRecordingUpstream } from './recording-upstream.js';
import { runCli } from './run-cli-process.js';

describe('switchyard chat (embedded gateway)', () => {
  let upstream: Awaited<ReturnType<typeof startRecordingUpstream>>;
  let dir: string;

  beforeAll(async () => {
    upstream = await startRecordingUpstream();
    dir = mkdtempSync(join(tmpdir(), 'switchyard-chat-'));
    // A config entry pointing the openai adapter at the recording upstream; its key comes from the environment.
    writeFileSync(join(dir, 'switchyard.yaml'), `providers:\n  up:\n    adapter: openai\n    baseURL: ${upstream.url}\n    apiKey: \${UP_KEY}\n`);
  });
  afterAll(() => upstream.close());

  it('answers a prompt given as an argument, in each format', async () => {
    for (const format of ['chat', 'responses', 'messages']) {
      const run = await runCli(['chat', '--model', '@mock/echo-1', '--format', format, 'hello', 'there']);
      expect({ format, code: run.code, stdout: run.stdout, stderr: run.stderr }).toEqual({ format, code: 0, stdout: 'echo: hello there\n', stderr: '' });
    }
  });

  it('reads the prompt from stdin and prints the answer object with --json', async () => {
    const run = await runCli(['chat', '--json', '-f', 'messages'], { input: 'from stdin\n' });
    expect(run.code).toBe(0);
    const message = JSON.parse(run.stdout);
    expect(message.type).toBe('message');
    expect(message.content).toEqual([{ type: 'text', text: 'echo: from stdin' }]);
  });

  it('sends the system prompt and the model through the config and environment to the upstream', async () => {
    upstream.received.length = 0;
    const run = await runCli(['chat', '-m', '@up/gpt-test', '-s', 'be brief', 'question'], { cwd: dir, env: { UP_KEY: 'k-123' } });
    expect(run).toMatchObject({ code: 0, stdout: 'reply 1\n' });
    const call = upstream.received.find((entry) => entry.path === '/v1/chat/completions')!;
    expect(call.headers.authorization).toBe('Bearer k-123');
    expect(call.body.model).toBe('gpt-test');
    expect(call.body.stream).toBe(true);
    expect(call.body.messages).toEqual([
      { role: 'system', content: 'be brief' },
      { role: 'user', content: 'question' },
    ]);
  });

  it('keeps the conversation in an interactive session driven over stdin, until /exit', async () => {
    upstream.received.length = 0;
    const run = await runCli(['chat', '-i', '-m', '@up/gpt-test'], { cwd: dir, env: { UP_KEY: 'k' }, input: 'first\nsecond\n/exit\nnever sent\n' });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('reply 1\nreply 2\n');
    const calls = upstream.received.filter((entry) => entry.path === '/v1/chat/completions');
    expect(calls).toHaveLength(2);
    expect(calls[1]!.body.messages).toEqual([
      { role: 'user', content: 'first' },
      { role: 'assistant', content: 'reply 1' },
      { role: 'user', content: 'second' },
    ]);
  });

  it('ends the session at end of input (Ctrl-D) and refuses a bad format', async () => {
    const session = await runCli(['chat', '-i'], { input: 'one\n' });
    expect(session).toMatchObject({ code: 0, stdout: 'echo: one\n' });
    const bad = await runCli(['chat', '-f', 'xml', 'hi']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('error: --format must be one of chat, responses, messages, got "xml"\n');
    const empty = await runCli(['chat'], { input: '' });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/No prompt/);
  });
});
