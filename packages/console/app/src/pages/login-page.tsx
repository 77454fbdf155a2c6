import { type FormEvent, useState } from 'react';
import { adminApi, adminKey } from '../api.js';

/** The admin key is checked against the admin API before it is kept; no data is shown without it. */
export function LoginPage({ onLogin }: { onLogin(): void }) {
  const [key, setKey] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await adminApi('/admin/providers', {}, key.trim());
      adminKey.set(key.trim());
      onLogin();
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <main className="login" id="main">
      <form onSubmit={submit} aria-labelledby="login-title">
        <h1 id="login-title">Switchyard console</h1>
        <p className="muted">Sign in with one of the gateway's admin keys (<code>adminKeys</code> in its config). The key stays in this tab only.</p>
        <label htmlFor="admin-key">Admin key</label>
        <input id="admin-key" type="password" autoComplete="current-password" required value={key} onChange={(event) => setKey(event.target.value)} autoFocus />
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy || key.trim() === ''}>
          {busy ? 'Checking…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
