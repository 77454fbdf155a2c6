import type { AccessControl } from './access-control.js';
import { checkAdminKey } from './admin-auth.js';
import type { GatewayRequest, GatewayResponse } from './gateway-types.js';

type AdminRoute = (request: GatewayRequest) => Promise<GatewayResponse>;

/** Whether the path belongs to the admin API, which the admin key guards instead of a gateway key. */
export const isAdminPath = (path: string) => path === '/admin' || path.startsWith('/admin/');

/**
 * `/admin/keys` (create, list), `/admin/keys/:id` (read, update, revoke) and
 * `/admin/keys/:id/rotate`, served by the access control's admin API behind the admin key.
 * None when the gateway has no managed keys.
 */
export function adminKeysRoutes(access: AccessControl | undefined, adminKeys: readonly string[]) {
  const admin = access?.admin?.bind(access);
  if (!admin) return { exact: [] as [string, AdminRoute][], patterns: [] as [string, string, AdminRoute][] };
  const route: AdminRoute = async (request): Promise<GatewayResponse> => {
    checkAdminKey(adminKeys, request.headers);
    const answer = await admin({ method: request.method, path: request.path, body: request.body });
    if (!answer) return { status: 405, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ error: { message: `${request.method} is not supported on ${request.path}.` } }) };
    return { status: answer.status, headers: { 'content-type': 'application/json', 'cache-control': 'no-store' }, body: JSON.stringify(answer.body) };
  };
  return {
    exact: [
      ['GET /admin/keys', route],
      ['POST /admin/keys', route],
    ] as [string, AdminRoute][],
    patterns: [
      ['GET', '/admin/keys/:id', route],
      ['PATCH', '/admin/keys/:id', route],
      ['DELETE', '/admin/keys/:id', route],
      ['POST', '/admin/keys/:id/rotate', route],
    ] as [string, string, AdminRoute][],
  };
}
