/** The public wire formats clients speak to the gateway. */
export type WireFormat = 'openai-chat' | 'openai-responses' | 'anthropic-messages';
export const wireFormats: readonly WireFormat[] = ['openai-chat', 'openai-responses', 'anthropic-messages'];
