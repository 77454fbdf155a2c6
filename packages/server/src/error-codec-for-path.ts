import { type ChatFormatCodec, anthropicMessagesCodec, openAIChatCodec } from '@switchyard/formats';

/** Errors come in the format of the client the path belongs to (Anthropic SDKs parse their own shape). */
export function errorCodecForPath(path: string): ChatFormatCodec {
  return path.startsWith('/v1/messages') ? anthropicMessagesCodec : openAIChatCodec;
}
