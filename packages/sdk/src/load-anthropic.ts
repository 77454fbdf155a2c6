import type Anthropic from '@anthropic-ai/sdk';

type AnthropicConstructor = typeof Anthropic;

// @anthropic-ai/sdk is an optional peer dependency. It is imported once, here, as ESM (so its
// error classes are the very ones the caller's `import Anthropic from '@anthropic-ai/sdk'` sees),
// and a missing package is reported only when `client.messages` is used.
const loaded: { Anthropic: AnthropicConstructor } | { error: unknown } = await import('@anthropic-ai/sdk').then(
  (module) => ({ Anthropic: module.default }),
  (error: unknown) => ({ error }),
);

/** The Anthropic client class, or a clear error saying to install the peer dependency. */
export function loadAnthropic(): AnthropicConstructor {
  if ('Anthropic' in loaded) return loaded.Anthropic;
  throw new Error('client.messages needs the optional peer dependency @anthropic-ai/sdk: install it (npm install @anthropic-ai/sdk) next to @switchyard/sdk.', {
    cause: loaded.error,
  });
}
