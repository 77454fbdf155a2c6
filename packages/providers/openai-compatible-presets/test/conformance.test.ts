import { serveGatewayForAdapters } from '@switchyard/server';
import { mockConformanceUpstream, runConformanceSuite, startOpenAICompatibleMock } from '@switchyard/testkit';
import { presets } from './all-presets.js';

// The adapter contract for every preset, through a real gateway, against the compatible mock
// playing that preset's server (path, auth header, usage placement, reasoning field, refused fields).
for (const [id, preset, create] of presets) {
  const base = new URL(preset.baseURL);
  const chatPath = (preset as { chatCompletionsPath?: string }).chatCompletionsPath ?? '/chat/completions';
  const basePath = `${base.pathname.replace(/\/+$/, '')}${chatPath.replace(/\/chat\/completions$/, '')}` || '/';
  const auth = preset.auth as { header?: string; scheme?: string } | { none: true };
  const quirks = (preset.quirks ?? {}) as { reasoningField?: 'reasoning_content' | 'reasoning'; usageInStream?: 'final-chunk' | 'finish-chunk' | 'x_groq'; stripFields?: string[] };
  runConformanceSuite({
    adapter: create(),
    upstream: () =>
      mockConformanceUpstream({
        start: () =>
          startOpenAICompatibleMock({
            apiKey: 'header' in auth && auth.header ? `key-${id}` : undefined,
            authHeader: 'header' in auth ? auth.header : undefined,
            basePath,
            reasoningField: quirks.reasoningField,
            usageInStream: quirks.usageInStream,
            refuseFields: quirks.stripFields?.filter((field) => !field.includes('.')),
          }),
        settings: (mock) => ({ apiKey: `key-${id}`, baseURL: `${mock.url}${base.pathname.replace(/\/+$/, '')}` }),
        model: 'conformance-model',
      }),
    startGateway: serveGatewayForAdapters,
  });
}
