import type { ChatFormatCodec } from '@switchyard/formats';
import type { PassthroughUsageReader } from './usage-tap.js';

/**
 * One public chat format as the gateway serves it: its codec, the cheap checks a body gets
 * when it goes through untranslated, and how usage is read from passthrough bytes.
 */
export interface ChatFront {
  codec: ChatFormatCodec;
  /** Throws InvalidRequestError (naming the field) for a body routing cannot work with. */
  checkPassthroughShape(body: Record<string, unknown>): void;
  readPassthroughUsage: PassthroughUsageReader;
  /** The client's provider key in this format's own header (`Authorization: Bearer`, `x-api-key`). */
  readClientKey(headers: Readonly<Record<string, string>>): string | undefined;
}
