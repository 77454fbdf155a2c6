import { defineProvider, type ProviderAdapter } from '@switchyard/core';
import { serveGatewayForAdapters } from '@switchyard/server';
import { conformanceChecks, createConformanceContext } from '@switchyard/testkit';
import { describe, expect, it } from 'vitest';
import { createTgiProvider } from '../src/index.js';
import { startTgiMock } from './tgi-mock.js';

// The suite is only worth running if it fails a broken adapter: each variant here breaks one
// rule of the contract, and the check for that rule must reject while the real adapter passes.
const tgi = createTgiProvider();

async function runCheck(adapter: ProviderAdapter, name: string): Promise<void> {
  const check = conformanceChecks.find((candidate) => candidate.name.startsWith(name));
  if (!check) throw new Error(`no check named ${name}`);
  const upstream = await startTgiMock();
  const gateway = await serveGatewayForAdapters({ adapters: [adapter], entries: [{ slug: 'under-test', adapter: adapter.id, settings: upstream.settings }] });
  try {
    await check.run(createConformanceContext(adapter, upstream, gateway.url, 'under-test'));
  } finally {
    // The upstream first: a call an adapter failed to abort would keep the gateway's shutdown waiting.
    await upstream.close();
    await gateway.close();
  }
}

const variant = (chat: NonNullable<ProviderAdapter['chat']>) => defineProvider({ ...tgi, chat });

describe('the conformance suite fails a broken adapter', () => {
  it('one that reports every finish as stop fails the length check', async () => {
    const alwaysStop = variant({
      generate: async (request, context) => ({ ...(await tgi.chat!.generate(request, context)), finishReason: { unified: 'stop', raw: 'stop' } }),
      stream: tgi.chat!.stream,
    });
    await runCheck(tgi, 'text: finish reason length');
    await expect(runCheck(alwaysStop, 'text: finish reason length')).rejects.toThrow(/expected 'stop' to be 'length'/);
  });

  it('one that ignores the abort signal fails the abort check', async () => {
    const deaf = variant({
      generate: (request, context) => tgi.chat!.generate(request, { ...context, signal: new AbortController().signal }),
      stream: tgi.chat!.stream,
    });
    await expect(runCheck(deaf, 'abort: a client that goes away mid-call')).rejects.toThrow(/timed out after 3000 ms waiting for the adapter to close the upstream connection/);
  });

  it('one whose stream forgets the finish fails the stream order check', async () => {
    const unfinished = variant({
      generate: tgi.chat!.generate,
      async stream(request, context) {
        const started = await tgi.chat!.stream(request, context);
        return { ...started, events: (async function* () { for await (const event of started.events) if (event.type !== 'finish') yield event; })() };
      },
    });
    await runCheck(tgi, 'streaming: role first');
    await expect(runCheck(unfinished, 'streaming: role first')).rejects.toThrow();
  });
});
