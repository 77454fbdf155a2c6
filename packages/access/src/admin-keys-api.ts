import { randomUUID } from 'node:crypto';
import { InvalidRequestError, NotFoundError } from '@switchyard/core';
import type { GatewayKeyRecord, GatewayKeyView } from './access-types.js';
import { displayPrefix, generateGatewayKey, hashGatewayKey } from './gateway-key-secret.js';
import type { KeyStore } from './key-store.js';
import { validateKeyInput } from './validate-key-input.js';

export interface AdminRequest {
  method: string;
  path: string;
  body: Uint8Array;
}

export interface AdminResponse {
  status: number;
  body: unknown;
}

const view = ({ hash: _hash, ...rest }: GatewayKeyRecord): GatewayKeyView => rest;

/**
 * `/admin/keys`: create (answers with the key, the only time it is shown), list, read, update,
 * revoke (DELETE keeps the record, marked revoked, for the ledger) and rotate (a new secret, same
 * id and settings; the old secret stops working). Undefined for paths it does not serve.
 * The caller has checked the admin key.
 */
export function createAdminKeysApi(store: KeyStore, pepper: string, onChange: (oldHash: string) => void = () => {}) {
  const load = async (id: string) => {
    const record = await store.get(id);
    if (!record) throw new NotFoundError(`No gateway key has the id "${id}".`, { code: 'key_not_found' });
    return record;
  };
  const parseBody = (body: Uint8Array) => {
    if (body.length === 0) return {};
    try {
      return JSON.parse(new TextDecoder().decode(body)) as unknown;
    } catch {
      throw new InvalidRequestError('The request body is not valid JSON.', { param: 'body' });
    }
  };
  const save = async (record: GatewayKeyRecord, oldHash: string) => {
    record.updatedAt = new Date().toISOString();
    await store.update(record);
    onChange(oldHash);
  };
  return async function handleAdminKeys(request: AdminRequest): Promise<AdminResponse | undefined> {
    const match = /^\/admin\/keys(?:\/([^/]+))?(\/rotate)?\/?$/.exec(request.path);
    if (!match) return undefined;
    const [, id, rotate] = match;
    if (!id) {
      if (request.method === 'GET') return { status: 200, body: { object: 'list', data: (await store.list()).map(view) } };
      if (request.method !== 'POST') return undefined;
      const input = validateKeyInput(parseBody(request.body));
      const key = generateGatewayKey();
      const now = new Date().toISOString();
      const record: GatewayKeyRecord = { id: `key_${randomUUID().replace(/-/g, '').slice(0, 20)}`, prefix: displayPrefix(key), hash: hashGatewayKey(key, pepper), ...input, createdAt: now, updatedAt: now };
      await store.insert(record);
      return { status: 201, body: { ...view(record), key } };
    }
    const decodedId = decodeURIComponent(id);
    if (rotate) {
      if (request.method !== 'POST') return undefined;
      const record = await load(decodedId);
      if (record.revokedAt) throw new InvalidRequestError(`The key "${decodedId}" is revoked; create a new one.`, { code: 'key_revoked' });
      const oldHash = record.hash;
      const key = generateGatewayKey();
      record.hash = hashGatewayKey(key, pepper);
      record.prefix = displayPrefix(key);
      await save(record, oldHash);
      return { status: 200, body: { ...view(record), key } };
    }
    if (request.method === 'GET') return { status: 200, body: view(await load(decodedId)) };
    if (request.method === 'PATCH') {
      const record = await load(decodedId);
      const input = validateKeyInput(parseBody(request.body));
      const updated = { ...record, ...input };
      await save(updated, record.hash);
      return { status: 200, body: view(updated) };
    }
    if (request.method === 'DELETE') {
      const record = await load(decodedId);
      record.revokedAt ??= new Date().toISOString();
      await save(record, record.hash);
      return { status: 200, body: view(record) };
    }
    return undefined;
  };
}
