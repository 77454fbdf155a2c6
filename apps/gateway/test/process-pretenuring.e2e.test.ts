import { type ChildProcess, spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnGatewayProcess } from './gateway-process.js';

// V8 prints a line per allocation site it judges, and a summary per young-generation collection,
// under --trace-pretenuring-statistics, but only while pretenuring is on.
const pretenuringLine = /^\[\d+:0x[0-9a-f]+\] pretenuring: /m;

describe('the gateway process and V8 pretenuring', () => {
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const child of children.splice(0)) child.kill('SIGKILL');
  });

  it('makes no pretenuring decisions once it serves, under concurrent load', async () => {
    const gateway = spawnGatewayProcess(children, { nodeFlags: ['--max-semi-space-size=2', '--trace-pretenuring-statistics'] });
    const url = await gateway.listening;
    const before = gateway.output();
    // Enough traffic for many scavenges (a 2 MB young generation, ~60 KB allocated per request),
    // with requests overlapping so their objects are alive when a collection comes.
    let answered = 0;
    await Promise.all(
      Array.from({ length: 32 }, async () => {
        for (let index = 0; index < 60; index += 1) {
          const response = await fetch(`${url}/v1/chat/completions`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ model: 'mock-1', messages: [{ role: 'user', content: `request ${index}` }] }),
          });
          await response.text();
          if (response.status === 200) answered += 1;
        }
      }),
    );
    expect(answered).toBe(32 * 60);
    const served = gateway.output().slice(before.length);
    expect(served.match(pretenuringLine)?.[0]).toBeUndefined();
  }, 60_000);

  it('V8 still traces pretenuring decisions where nothing turned it off (else the check above would pass vacuously)', async () => {
    // A literal whose objects all survive gets judged, and the trace says so: should a Node
    // upgrade stop printing these lines, this fails rather than the test above passing on silence.
    const child = spawn(process.execPath, ['--max-semi-space-size=2', '--trace-pretenuring-statistics', '-e', 'const kept = []; for (let i = 0; i < 800000; i += 1) kept.push({ i, child: { i } }); console.log(kept.length);'], { stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let output = '';
    child.stdout!.on('data', (data: Buffer) => (output += data.toString()));
    await new Promise((done) => child.once('exit', done));
    expect(output).toMatch(pretenuringLine);
  }, 30_000);
});
