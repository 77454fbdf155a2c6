const storageKey = 'switchyard.adminKey';
const gatewayKeyStorage = 'switchyard.gatewayKey';

/** The admin key lives in sessionStorage: gone when the tab closes, never in a cookie the browser sends by itself. */
export const adminKey = {
  get: () => sessionStorage.getItem(storageKey) ?? undefined,
  set: (key: string) => sessionStorage.setItem(storageKey, key),
  clear: () => sessionStorage.removeItem(storageKey),
};

/** The gateway API key "try it" sends, when the gateway requires one (kept like the admin key). */
export const gatewayKey = {
  get: () => sessionStorage.getItem(gatewayKeyStorage) ?? '',
  set: (key: string) => (key ? sessionStorage.setItem(gatewayKeyStorage, key) : sessionStorage.removeItem(gatewayKeyStorage)),
};

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

const loggedOutListeners = new Set<() => void>();
/** Called when the admin API refuses the stored key (it was removed from the config, or mistyped). */
export function onLoggedOut(listener: () => void): () => void {
  loggedOutListeners.add(listener);
  return () => loggedOutListeners.delete(listener);
}

/** A call to the admin API with the stored key; errors carry the gateway's own message. */
export async function adminApi<T>(path: string, init: RequestInit = {}, key = adminKey.get()): Promise<T> {
  const headers = new Headers(init.headers);
  if (key) headers.set('x-switchyard-admin-key', key);
  if (init.body !== undefined && !headers.has('content-type')) headers.set('content-type', 'application/json');
  const response = await fetch(path, { ...init, headers });
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (!response.ok) {
    if (response.status === 401 && key === adminKey.get()) for (const listener of loggedOutListeners) listener();
    const message = (body as { error?: { message?: string } } | undefined)?.error?.message ?? `${response.status} ${response.statusText}`;
    throw new ApiError(message, response.status);
  }
  return body as T;
}
