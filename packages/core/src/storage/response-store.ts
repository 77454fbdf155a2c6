import type { ChatMessage } from '../canonical/chat-message.js';

/**
 * One answered Responses API turn, as the gateway keeps it for `previous_response_id`,
 * `GET /v1/responses/{id}` and its input items. It holds the whole canonical conversation up
 * to and including this answer, so a follow-up can rebuild the history for any provider
 * without walking the chain of earlier records.
 */
export interface StoredResponse {
  /** The Response id the client saw (`resp_…`). */
  id: string;
  /** When the gateway stored it, in Unix milliseconds (retention deletes by this). */
  createdAt: number;
  /** The model that answered, as the Response object names it. */
  model: string;
  /** The response this turn continued, when it named one. */
  previousResponseId?: string;
  /**
   * The Responses input items of this turn as the client sent them, normalised to item
   * objects: a string input becomes one user message item, string contents become
   * `input_text` parts, and every item has an `id` (derived from the response id when the
   * client sent none) so the input-items list can page by it.
   */
  inputItems: Record<string, unknown>[];
  /** The Response object exactly as it was sent to the client (`object: 'response'`). */
  response: Record<string, unknown>;
  /**
   * The canonical conversation so far: the earlier turns' messages, this turn's input and
   * this answer's output as an assistant message. `instructions` are not in it — as at
   * OpenAI, they apply to the turn that sent them only.
   */
  messages: ChatMessage[];
  /** Whose record it is (for a later per-key partition: the gateway key id); '' for now. */
  owner: string;
}

/**
 * Where the gateway keeps Responses API state. Implementations: embedded SQLite, PostgreSQL
 * and in-memory in `@switchyard/storage`; any object with these methods works.
 */
export interface ResponseStore {
  /** Saves a record, replacing one with the same id. */
  save(record: StoredResponse): Promise<void>;
  get(id: string): Promise<StoredResponse | undefined>;
  /** Deletes a record; false when there was none with that id. */
  delete(id: string): Promise<boolean>;
}
