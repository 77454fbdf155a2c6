import { type ChatCapabilities, UnsupportedError } from '@switchyard/core';

/** Content part types of the three formats, by the capability they need. */
const partFeature: Record<string, [keyof ChatCapabilities, string]> = {
  image_url: ['images', 'image input'],
  input_image: ['images', 'image input'],
  image: ['images', 'image input'],
  input_audio: ['audio', 'audio input'],
  file: ['files', 'file (PDF) input'],
  input_file: ['files', 'file (PDF) input'],
  document: ['files', 'file (PDF) input'],
};

/**
 * The passthrough path does not decode the body, but a request for something the provider
 * declares it cannot do still gets the gateway's clear 400 rather than an upstream error. The
 * scan is shallow — the `type` of each content part of each message or input item — so it costs
 * no more than the checks routing already makes.
 */
export function checkPassthroughCapabilities(body: Record<string, unknown>, provider: string, capabilities: ChatCapabilities | undefined): void {
  if (!capabilities) return;
  const refuse = (feature: string, param: string): never => {
    throw new UnsupportedError(`Provider "${provider}" does not support ${feature}.`, { param, code: 'unsupported_feature', provider });
  };
  if (body.stream === true && !capabilities.streaming) refuse('streaming', 'stream');
  if (Array.isArray(body.tools) && body.tools.length > 0 && !capabilities.tools) refuse('tools', 'tools');
  const items = Array.isArray(body.messages) ? body.messages : Array.isArray(body.input) ? body.input : [];
  for (const item of items) {
    const content = (item as { content?: unknown } | null)?.content;
    if (!Array.isArray(content)) continue;
    for (const part of content) {
      const feature = partFeature[(part as { type?: unknown } | null)?.type as string];
      if (feature && !capabilities[feature[0]]) refuse(feature[1], Array.isArray(body.messages) ? 'messages' : 'input');
    }
  }
}
