import { createHash } from 'node:crypto';

const mistralToolCallId = /^[a-zA-Z0-9]{9}$/;
const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/**
 * Mistral refuses a request whose tool call ids are not exactly 9 letters or digits ("Tool call
 * id was call_… but must be a-z, A-Z, 0-9, with a length of 9"), so ids made by another provider
 * (OpenAI's `call_…`, Anthropic's `toolu_…`) cannot be sent back as they are. Such an id is
 * replaced by 9 characters of its SHA-256 digest in base 62: a pure function of the id, so the
 * assistant's call and the tool's result get the same replacement in one request, and every
 * later turn that replays the history gets it again — nothing is stored. Mistral's own ids
 * already fit and are sent unchanged; the client never sees a replacement (Mistral's answers
 * carry its own new ids). Two ids collide only with probability about 62^-9 per pair.
 */
export function toMistralToolCallId(id: string): string {
  if (mistralToolCallId.test(id)) return id;
  const digest = createHash('sha256').update(id).digest();
  let result = '';
  for (let index = 0; index < 9; index++) result += alphabet[digest[index]! % alphabet.length];
  return result;
}
