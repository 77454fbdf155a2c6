import type { GatewayRequest, GatewayResponse } from '../gateway-types.js';
import type { RouteContext } from '../route-context.js';
import { cancelBatch, createBatch, listBatches, retrieveBatch } from './batch-routes.js';
import { createFile, deleteFile, fileContent, listFiles, retrieveFile } from './file-routes.js';
import type { WithBodyMode } from './streamed-route.js';

type Route = WithBodyMode<(request: GatewayRequest, context: RouteContext) => Promise<GatewayResponse>>;
type ParameterizedRoute = (request: GatewayRequest, context: RouteContext, params: Readonly<Record<string, string>>) => Promise<GatewayResponse>;

/** `/v1/files` and `/v1/batches` with a fixed path (method and path, exact match). */
export const filesBatchesRoutes: ReadonlyArray<readonly [key: string, route: Route]> = [
  ['POST /v1/files', createFile],
  ['GET /v1/files', listFiles],
  ['POST /v1/batches', createBatch],
  ['GET /v1/batches', listBatches],
];

/** `/v1/files/{id}…` and `/v1/batches/{id}…`. */
export const filesBatchesPatternRoutes: ReadonlyArray<readonly [method: string, pattern: string, route: ParameterizedRoute]> = [
  ['GET', '/v1/files/:id', retrieveFile],
  ['DELETE', '/v1/files/:id', deleteFile],
  ['GET', '/v1/files/:id/content', fileContent],
  ['GET', '/v1/batches/:id', retrieveBatch],
  ['POST', '/v1/batches/:id/cancel', cancelBatch],
];
