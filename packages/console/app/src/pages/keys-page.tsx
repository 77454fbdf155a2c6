import { type FormEvent, useMemo, useState } from 'react';
import { adminApi } from '../api.js';
import { formatInteger, formatUsd } from '../format.js';
import type { GatewayKey, KeyUsage } from '../types.js';
import { usePolling } from '../use-polling.js';

export function KeysPage() {
  const keys = usePolling(() => adminApi<{ data: GatewayKey[] }>('/admin/keys'), [], 30_000);
  const usage = usePolling(() => adminApi<{ data: KeyUsage[] }>('/admin/usage'), [], 15_000);
  const [secret, setSecret] = useState<{ id: string; key: string; action: string }>();
  const [error, setError] = useState<string>();
  const usageById = useMemo(() => new Map((usage.data?.data ?? []).map((entry) => [entry.key.id, entry])), [usage.data]);
  const act = async (call: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await call();
      keys.reload();
      usage.reload();
    } catch (failure) {
      setError((failure as Error).message);
    }
  };
  const rotate = (key: GatewayKey) =>
    act(async () => {
      const rotated = await adminApi<GatewayKey & { key: string }>(`/admin/keys/${encodeURIComponent(key.id)}/rotate`, { method: 'POST' });
      setSecret({ id: rotated.id, key: rotated.key, action: 'rotated' });
    });
  const revoke = (key: GatewayKey) => act(() => adminApi(`/admin/keys/${encodeURIComponent(key.id)}`, { method: 'DELETE' }));
  return (
    <section aria-labelledby="keys-title">
      <h1 id="keys-title">Keys and budgets</h1>
      {keys.error && (
        <p role="alert" className="error">
          {keys.error.includes('No route') ? 'Managed keys are off: add an access section to the gateway config.' : keys.error}
        </p>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {secret && (
        <div className="callout" role="status">
          <p>
            Key <code>{secret.id}</code> {secret.action}. Copy it now: it is shown this once.
          </p>
          <p>
            <code className="secret" data-testid="new-key">
              {secret.key}
            </code>{' '}
            <button type="button" className="quiet" onClick={() => void navigator.clipboard?.writeText(secret.key).catch(() => {})}>
              Copy
            </button>{' '}
            <button type="button" className="quiet" onClick={() => setSecret(undefined)}>
              Done
            </button>
          </p>
        </div>
      )}
      <CreateKeyForm
        onCreated={(created) => {
          setSecret({ id: created.id, key: created.key, action: 'created' });
          keys.reload();
          usage.reload();
        }}
      />
      <div className="table-scroll">
        <table>
          <caption>Keys, their use in the last minute against their limits, and spend against their budgets (from the request log)</caption>
          <thead>
            <tr>
              <th scope="col">Key</th>
              <th scope="col">Status</th>
              <th scope="col">Requests / min</th>
              <th scope="col">Tokens / min</th>
              <th scope="col">Budgets</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {keys.data?.data.length === 0 && (
              <tr>
                <td colSpan={6} className="muted">
                  No keys yet.
                </td>
              </tr>
            )}
            {keys.data?.data.map((key) => {
              const used = usageById.get(key.id);
              const revoked = key.revokedAt !== undefined;
              return (
                <tr key={key.id} data-key-id={key.id} className={revoked ? 'revoked' : undefined}>
                  <th scope="row">
                    {key.name ?? key.id}
                    <div className="muted small">
                      <code>{key.prefix}…</code> · {key.id}
                      {key.teamId ? ` · team ${key.teamId}` : ''}
                    </div>
                  </th>
                  <td>{revoked ? 'revoked' : key.expiresAt && Date.parse(key.expiresAt) < Date.now() ? 'expired' : 'active'}</td>
                  <td>
                    <Meter used={used?.lastMinute.requests} limit={key.limits?.requestsPerMinute} />
                  </td>
                  <td>
                    <Meter used={used ? used.lastMinute.inputTokens + used.lastMinute.outputTokens : undefined} limit={key.limits?.tokensPerMinute} />
                  </td>
                  <td>
                    {!key.budgets?.length ? (
                      <span className="muted">none</span>
                    ) : (
                      key.budgets.map((budget) => {
                        const spent = used?.budgets.find((entry) => entry.name === budget.name);
                        return (
                          <div key={budget.name}>
                            {budget.name}: <Meter used={spent?.spentUsd} limit={budget.usd} format={formatUsd} />
                            {budget.soft ? <span className="muted small"> (soft)</span> : null}
                          </div>
                        );
                      })
                    )}
                  </td>
                  <td className="actions">{!revoked && <KeyActions name={key.name ?? key.id} onRotate={() => rotate(key)} onRevoke={() => revoke(key)} />}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Meter({ used, limit, format = formatInteger }: { used?: number; limit?: number; format?: (value: number) => string }) {
  if (used === undefined) return <span className="muted">–</span>;
  if (limit === undefined) return <span>{format(used)} (no limit)</span>;
  const share = limit > 0 ? Math.min(1, used / limit) : 1;
  return (
    <span className="meter">
      {format(used)} of {format(limit)}
      <meter min={0} max={1} low={0.7} high={0.9} optimum={0} value={share} aria-label={`${Math.round(share * 100)}% used`} />
    </span>
  );
}

function KeyActions({ name, onRotate, onRevoke }: { name: string; onRotate(): void; onRevoke(): void }) {
  const [confirming, setConfirming] = useState(false);
  if (confirming) {
    return (
      <>
        <button type="button" className="danger" onClick={onRevoke} aria-label={`Confirm revoking ${name}`}>
          Confirm revoke
        </button>{' '}
        <button type="button" className="quiet" onClick={() => setConfirming(false)}>
          Cancel
        </button>
      </>
    );
  }
  return (
    <>
      <button type="button" className="quiet" onClick={onRotate} aria-label={`Rotate ${name}`}>
        Rotate
      </button>{' '}
      <button type="button" className="quiet" onClick={() => setConfirming(true)} aria-label={`Revoke ${name}`}>
        Revoke
      </button>
    </>
  );
}

function CreateKeyForm({ onCreated }: { onCreated(created: GatewayKey & { key: string }): void }) {
  const [name, setName] = useState('');
  const [requestsPerMinute, setRequestsPerMinute] = useState('');
  const [tokensPerMinute, setTokensPerMinute] = useState('');
  const [budgetUsd, setBudgetUsd] = useState('');
  const [budgetWindow, setBudgetWindow] = useState('30d');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    const limits: Record<string, number> = {};
    if (requestsPerMinute) limits.requestsPerMinute = Number(requestsPerMinute);
    if (tokensPerMinute) limits.tokensPerMinute = Number(tokensPerMinute);
    const body = {
      ...(name ? { name } : {}),
      ...(Object.keys(limits).length > 0 ? { limits } : {}),
      ...(budgetUsd ? { budgets: [{ name: `${budgetWindow} budget`, usd: Number(budgetUsd), window: budgetWindow }] } : {}),
    };
    try {
      onCreated(await adminApi<GatewayKey & { key: string }>('/admin/keys', { method: 'POST', body: JSON.stringify(body) }));
      setName('');
      setRequestsPerMinute('');
      setTokensPerMinute('');
      setBudgetUsd('');
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="create-key" onSubmit={submit} aria-labelledby="create-key-title">
      <h2 id="create-key-title">Create a key</h2>
      <div className="filters">
        <label>
          Name
          <input value={name} onChange={(event) => setName(event.target.value)} placeholder="search-team" />
        </label>
        <label>
          Requests per minute
          <input type="number" min={0} step={1} value={requestsPerMinute} onChange={(event) => setRequestsPerMinute(event.target.value)} />
        </label>
        <label>
          Tokens per minute
          <input type="number" min={0} step={1} value={tokensPerMinute} onChange={(event) => setTokensPerMinute(event.target.value)} />
        </label>
        <label>
          Budget (USD)
          <input type="number" min={0} step="0.01" value={budgetUsd} onChange={(event) => setBudgetUsd(event.target.value)} />
        </label>
        <label>
          Budget window
          <select value={budgetWindow} onChange={(event) => setBudgetWindow(event.target.value)}>
            <option value="1h">1 hour</option>
            <option value="24h">24 hours</option>
            <option value="7d">7 days</option>
            <option value="30d">30 days</option>
          </select>
        </label>
        <div className="actions">
          <button type="submit" disabled={busy}>
            Create key
          </button>
        </div>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  );
}
