import type { ResponseStore } from '@switchyard/core';
import type { GatewayRequest, GatewayResponse } from './gateway-types.js';
import { pageInputItems } from './page-input-items.js';
import { noResponseStoreError, responseNotFoundError } from './response-store-errors.js';
import type { RouteContext } from './route-context.js';

/** A route whose path holds parameters (`/v1/responses/:id`). */
export type ParameterizedRoute = (request: GatewayRequest, context: RouteContext, params: Readonly<Record<string, string>>) => Promise<GatewayResponse>;

/** `GET /v1/responses/{id}`: the Response object as it was sent when it was answered. */
export const getStoredResponse: ParameterizedRoute = async (_request, context, { id }) => {
  const record = await storeOf(context).get(id!);
  if (!record) throw responseNotFoundError(id!);
  return json(record.response);
};

/** `DELETE /v1/responses/{id}`. Responses that continued it keep their own copy of the conversation. */
export const deleteStoredResponse: ParameterizedRoute = async (_request, context, { id }) => {
  if (!(await storeOf(context).delete(id!))) throw responseNotFoundError(id!);
  return json({ id, object: 'response', deleted: true });
};

/** `GET /v1/responses/{id}/input_items`: the items this turn sent, paged as OpenAI pages them. */
export const listStoredInputItems: ParameterizedRoute = async (request, context, { id }) => {
  const record = await storeOf(context).get(id!);
  if (!record) throw responseNotFoundError(id!);
  return json(pageInputItems(record.inputItems, new URLSearchParams(request.query ?? '')));
};

function storeOf(context: RouteContext): ResponseStore {
  context.record.format = 'openai-responses';
  if (!context.responseStore) throw noResponseStoreError();
  return context.responseStore;
}

function json(body: unknown): GatewayResponse {
  return { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}
