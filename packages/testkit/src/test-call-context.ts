import { HttpClient, type HttpTimeouts, type HttpTransport, type ProviderCallContext, type ProviderSettings, type Warning } from '@switchyard/core';

export interface TestCallContextOptions {
  settings: ProviderSettings;
  requestHeaders?: Record<string, string>;
  signal?: AbortSignal;
  timeouts?: HttpTimeouts;
  /** A transport of the test's own (a stub that must never be reached, say); a fresh HttpClient otherwise. */
  http?: HttpTransport;
}

export interface TestCallContext {
  /** What the gateway hands an adapter for one call. */
  context: ProviderCallContext;
  /** Every warning the adapter reported through `context`, in order. */
  warnings: Warning[];
  /** Closes the HttpClient made for this context (a transport passed in is the caller's to close). */
  close(): Promise<void>;
}

/** The context of one adapter call, as the gateway would build it, with the warnings kept for assertions. */
export function createTestCallContext(options: TestCallContextOptions): TestCallContext {
  const ownHttp = options.http ? undefined : new HttpClient();
  const warnings: Warning[] = [];
  const context: ProviderCallContext = {
    settings: options.settings,
    http: options.http ?? ownHttp!,
    signal: options.signal ?? new AbortController().signal,
    requestHeaders: options.requestHeaders ?? {},
    warn: (warning) => warnings.push(warning),
  };
  if (options.timeouts) context.timeouts = options.timeouts;
  return { context, warnings, close: async () => ownHttp?.close() };
}
