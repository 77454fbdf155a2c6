import { createHash, timingSafeEqual } from 'node:crypto';
import { AuthenticationError } from '@switchyard/core';
import { readBearerToken } from './header-api.js';

/**
 * The guard of `/admin/*`: the request must carry one of the operator's admin keys in
 * `x-switchyard-admin-key` or `Authorization: Bearer`. With none configured the admin API is closed.
 */
export function checkAdminKey(adminKeys: readonly string[], headers: Readonly<Record<string, string>>): void {
  const presented = headers['x-switchyard-admin-key'] ?? readBearerToken(headers);
  if (adminKeys.length === 0) throw new AuthenticationError('The admin API is disabled: the gateway has no adminKeys configured.', { code: 'admin_disabled' });
  if (presented === undefined) throw new AuthenticationError('The admin API requires an admin key in "x-switchyard-admin-key" or "Authorization: Bearer".', { code: 'invalid_admin_key' });
  const candidate = digest(presented);
  let match = false;
  for (const key of adminKeys) match = timingSafeEqual(candidate, digest(key)) || match;
  if (!match) throw new AuthenticationError('The admin key presented is not valid.', { code: 'invalid_admin_key' });
}

const digest = (value: string) => createHash('sha256').update(value).digest();
