import { dirname, resolve } from 'node:path';
import type { FileStore } from '@switchyard/core';
import { createDiskFileStore, createMemoryFileStore } from '@switchyard/storage';
import type { GatewayConfig } from './gateway-config.js';
import { defaultResponsesPath } from './open-response-store.js';

/**
 * Opens the store for files the gateway keeps itself (batch input for providers without a files
 * API): a directory, by default `files/` beside the SQLite response store, or memory.
 */
export async function openFileStore(config: GatewayConfig, cwd: string = process.cwd()): Promise<FileStore> {
  if (config.files.store === 'memory') return createMemoryFileStore();
  const dir = config.files.dir ?? resolve(dirname(resolve(cwd, config.responses.path ?? defaultResponsesPath)), 'files');
  return createDiskFileStore({ dir: resolve(cwd, dir) });
}
