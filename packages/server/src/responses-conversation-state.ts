import type { ChatMessage, ChatRequest, ResponseStore, StoredResponse } from '@switchyard/core';
import { openAIResponsesProviderOptionsKey } from '@switchyard/formats';
import type { ConversationState, ConversationTurn } from './conversation-state.js';
import type { GatewayResponse } from './gateway-types.js';
import { normalizeResponsesInputItems } from './normalize-responses-input-items.js';
import { noResponseStoreError, previousResponseNotFoundError } from './response-store-errors.js';
import type { RouteContext } from './route-context.js';
import { type CompletedResponsesAnswer, createStatefulResponsesCodec } from './stateful-responses-codec.js';

/**
 * `store` and `previous_response_id` of the Responses API, kept in the gateway's own store so
 * they work for every provider.
 *
 * - Translated attempts: `previous_response_id` loads the stored conversation (404 in OpenAI's
 *   words when unknown) and puts it before this turn's input; the new request's
 *   `instructions` lead, the earlier ones do not carry over (as at OpenAI). Unless `store` is
 *   false (OpenAI's default is true), the answer is saved once it completed — a streamed one
 *   before its last event goes out, so a follow-up sent on seeing it finds it — and the
 *   Response's `store` says whether it was.
 * - Attempts a Responses provider (OpenAI) can take as bytes: that provider keeps its own
 *   state, so the request goes through untouched and the gateway stores nothing — unless
 *   `previous_response_id` names a response in the gateway's store (another provider answered
 *   it): then the attempt is translated, so a conversation can move between providers.
 *   A response OpenAI stored is unknown to the gateway: continuing it elsewhere is a 404.
 */
export function createResponsesConversationState(): ConversationState {
  return { begin: (route) => beginTurn(route) };
}

function beginTurn(route: RouteContext): ConversationTurn {
  const store = route.responseStore;
  // One lookup per id for the whole request, whatever the number of attempts.
  const lookups = new Map<string, Promise<StoredResponse | undefined>>();
  const lookUp = (id: string) => {
    let found = lookups.get(id);
    if (!found) lookups.set(id, (found = store!.get(id)));
    return found;
  };
  let warnedNoStore = false;

  return {
    async mayPassThrough(attemptBody) {
      const previousId = attemptBody.previous_response_id;
      if (typeof previousId !== 'string' || previousId === '' || !store) return true;
      return (await lookUp(previousId)) === undefined;
    },

    async translate(attemptBody, request, send) {
      const previousId = typeof attemptBody.previous_response_id === 'string' && attemptBody.previous_response_id !== '' ? attemptBody.previous_response_id : undefined;
      let previous: StoredResponse | undefined;
      if (previousId !== undefined) {
        if (!store) throw noResponseStoreError('previous_response_id');
        previous = await lookUp(previousId);
        if (!previous) throw previousResponseNotFoundError(previousId);
      }
      const wantsStore = attemptBody.store !== false;
      if (attemptBody.store === true && !store && !warnedNoStore) {
        warnedNoStore = true;
        route.warnings.push({ type: 'unsupported-value', field: 'store', message: 'store: true was not honoured: this gateway has no response store configured.' });
      }
      const willStore = wantsStore && store !== undefined;

      // The decoder put non-empty instructions first, as a system message: they lead the
      // provider's request but are not part of the kept conversation.
      const hasInstructions = typeof attemptBody.instructions === 'string' && attemptBody.instructions !== '';
      const leading = hasInstructions ? request.messages.slice(0, 1) : [];
      const turnMessages = hasInstructions ? request.messages.slice(1) : request.messages;
      const history = previous?.messages ?? [];
      const upstream: ChatRequest = { ...withoutConsumedOptions(request), messages: [...leading, ...history, ...turnMessages] };

      const answer = createStatefulResponsesCodec(request, willStore);
      const response = await send(upstream, answer.codec);
      if (!willStore) return response;
      const save = async (completed: CompletedResponsesAnswer) => {
        // An upstream that gave no id leaves the bare prefix: stored under it, every such answer would share one record.
        if (completed.response.id === 'resp_') throw Object.assign(new Error('The provider gave the answer no id.'), { code: 'no_response_id' });
        await store!.save({
          id: String(completed.response.id),
          createdAt: Date.now(),
          model: String(completed.response.model),
          ...(previousId !== undefined && { previousResponseId: previousId }),
          inputItems: normalizeResponsesInputItems(attemptBody.input, String(completed.response.id)),
          response: completed.response,
          messages: conversationAfter(history, turnMessages, completed),
          owner: '',
        });
      };
      return typeof response.body === 'string' ? saveAnswer(response, answer.completed(), save, route) : saveStreamAnswer(response, answer.completed, save, route);
    },
  };
}

/** store and previous_response_id were acted on here: the provider is not told of them (which would be a warning for each). */
function withoutConsumedOptions(request: ChatRequest): ChatRequest {
  const extras = request.providerOptions?.[openAIResponsesProviderOptionsKey];
  if (!extras || !('store' in extras || 'previous_response_id' in extras)) return request;
  const { store: _store, previous_response_id: _previous, ...rest } = extras;
  const { [openAIResponsesProviderOptionsKey]: _extras, ...otherOptions } = request.providerOptions!;
  const providerOptions = Object.keys(rest).length > 0 ? { ...otherOptions, [openAIResponsesProviderOptionsKey]: rest } : otherOptions;
  const { providerOptions: _all, ...bare } = request;
  return Object.keys(providerOptions).length > 0 ? { ...bare, providerOptions } : bare;
}

function conversationAfter(history: ChatMessage[], turn: ChatMessage[], completed: CompletedResponsesAnswer): ChatMessage[] {
  const messages = [...history, ...turn];
  if (completed.content.length > 0) messages.push({ role: 'assistant', content: completed.content });
  return messages;
}

/** A JSON answer is saved before it is returned; if saving fails, the answer still goes out, saying `store: false`. */
async function saveAnswer(
  response: GatewayResponse,
  completed: CompletedResponsesAnswer | undefined,
  save: (completed: CompletedResponsesAnswer) => Promise<void>,
  route: RouteContext,
): Promise<GatewayResponse> {
  if (!completed) return response;
  try {
    await save(completed);
  } catch (error) {
    route.warnings.push(storeFailedWarning(error));
    return { ...response, body: JSON.stringify({ ...completed.response, store: false }) };
  }
  return response;
}

/**
 * A streamed answer is saved when its encoder wrote the terminal event, before that last
 * chunk is passed on. A stream that failed or was cut never gets there and is not saved.
 */
function saveStreamAnswer(
  response: GatewayResponse,
  completed: () => CompletedResponsesAnswer | undefined,
  save: (completed: CompletedResponsesAnswer) => Promise<void>,
  route: RouteContext,
): GatewayResponse {
  const body = response.body as AsyncIterable<string | Uint8Array>;
  async function* savingBeforeTheEnd(): AsyncGenerator<string | Uint8Array> {
    let saved = false;
    for await (const chunk of body) {
      const answer = saved ? undefined : completed();
      if (answer) {
        saved = true;
        // The headers are gone: a failure can only reach the request log.
        await save(answer).catch((error: unknown) => route.warnings.push(storeFailedWarning(error)));
      }
      yield chunk;
    }
  }
  return { ...response, body: savingBeforeTheEnd() };
}

function storeFailedWarning(error: unknown) {
  return {
    type: 'other' as const,
    field: 'store',
    // The code only (ECONNREFUSED, SQLITE_BUSY, 57P01): a database's message may name internal hosts.
    message: `The response could not be stored${errorCode(error)}; it cannot be continued with previous_response_id.`,
  };
}

function errorCode(error: unknown): string {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? ` (${code})` : '';
}
