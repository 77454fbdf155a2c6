import type { ProviderAdapter } from './provider-adapter.js';
import type { WireFormat } from './wire-format.js';

/** Whether a client speaking `format` can be passed through to this adapter byte for byte. */
export function speaksNatively(adapter: ProviderAdapter, format: WireFormat): boolean {
  return typeof adapter.passthrough === 'function' && (adapter.nativeFormat === format || (adapter.alsoNative?.includes(format) ?? false));
}
