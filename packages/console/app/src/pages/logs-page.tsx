import { type FormEvent, useState } from 'react';
import { adminApi } from '../api.js';
import { formatInteger, formatMs, formatTime, formatUsd } from '../format.js';
import { linkProps } from '../router.js';
import type { LogPage } from '../types.js';
import { usePolling } from '../use-polling.js';

interface Filters {
  provider: string;
  model: string;
  status: string;
  keyId: string;
  errors: boolean;
}

const emptyFilters: Filters = { provider: '', model: '', status: '', keyId: '', errors: false };
const pageSize = 25;

function queryOf(filters: Filters, cursor: string | undefined): string {
  const params = new URLSearchParams({ kind: 'request', limit: String(pageSize) });
  if (filters.provider) params.set('provider', filters.provider);
  if (filters.model) params.set('model', filters.model);
  if (filters.status) params.set('status', filters.status);
  if (filters.keyId) params.set('key_id', filters.keyId);
  if (filters.errors) params.set('errors', 'true');
  if (cursor) params.set('cursor', cursor);
  return params.toString();
}

export function LogsPage() {
  const [draft, setDraft] = useState<Filters>(emptyFilters);
  const [filters, setFilters] = useState<Filters>(emptyFilters);
  // Cursors of the pages before this one, so "Newer" can go back.
  const [cursors, setCursors] = useState<Array<string | undefined>>([undefined]);
  const cursor = cursors.at(-1);
  // Only the newest page refreshes by itself; older pages do not move.
  const page = usePolling(() => adminApi<LogPage>(`/admin/logs?${queryOf(filters, cursor)}`), [filters, cursor], cursor ? 0 : 10_000);
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilters(draft);
    setCursors([undefined]);
  };
  const reset = () => {
    setDraft(emptyFilters);
    setFilters(emptyFilters);
    setCursors([undefined]);
  };
  const field = (name: keyof Omit<Filters, 'errors'>) => ({ value: draft[name], onChange: (event: { target: { value: string } }) => setDraft({ ...draft, [name]: event.target.value }) });
  return (
    <section aria-labelledby="logs-title">
      <h1 id="logs-title">Logs</h1>
      <form className="filters" onSubmit={apply} aria-label="Filter the log">
        <label>
          Provider
          <input name="provider" placeholder="openai" {...field('provider')} />
        </label>
        <label>
          Model
          <input name="model" placeholder="gpt-4o-mini" {...field('model')} />
        </label>
        <label>
          Status
          <input name="status" inputMode="numeric" pattern="\d{3}" placeholder="200" {...field('status')} />
        </label>
        <label>
          Key id
          <input name="keyId" placeholder="key_…" {...field('keyId')} />
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={draft.errors} onChange={(event) => setDraft({ ...draft, errors: event.target.checked })} /> Errors only
        </label>
        <div className="actions">
          <button type="submit">Apply filters</button>
          <button type="button" className="quiet" onClick={reset}>
            Clear
          </button>
        </div>
      </form>
      {page.error && (
        <p role="alert" className="error">
          {page.error}
        </p>
      )}
      <div className="table-scroll">
        <table className="logs">
          <caption className="visually-hidden">Requests, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Key</th>
              <th scope="col">Format</th>
              <th scope="col">Provider</th>
              <th scope="col">Model</th>
              <th scope="col" className="number">Status</th>
              <th scope="col" className="number">Latency</th>
              <th scope="col" className="number">Tokens</th>
              <th scope="col" className="number">Cost</th>
              <th scope="col">Cache</th>
              <th scope="col" className="number">Attempts</th>
            </tr>
          </thead>
          <tbody>
            {page.data?.records.length === 0 && (
              <tr>
                <td colSpan={11} className="muted">
                  No requests match.
                </td>
              </tr>
            )}
            {page.data?.records.map((record) => (
              <tr key={record.id} className={record.status >= 400 ? 'failed' : undefined}>
                <td>
                  <a {...linkProps(`/logs/${encodeURIComponent(record.traceId)}`)} aria-label={`Details of request ${record.traceId}`}>
                    {formatTime(record.time)}
                  </a>
                </td>
                <td>{record.keyId ?? '–'}</td>
                <td>{record.format ?? record.path}</td>
                <td>{record.provider ?? '–'}</td>
                <td>{record.modelAnswered ?? record.modelRequested ?? '–'}</td>
                <td className="number">{record.status}</td>
                <td className="number">{formatMs(record.totalMs)}</td>
                <td className="number">{record.tokens ? `${formatInteger(record.tokens.input)} / ${formatInteger(record.tokens.output)}` : '–'}</td>
                <td className="number">{formatUsd(record.costUsd)}</td>
                <td>{record.cacheStatus ?? '–'}</td>
                <td className="number">{record.attempts ?? 0}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="pager">
        <button type="button" disabled={cursors.length <= 1} onClick={() => setCursors(cursors.slice(0, -1))}>
          Newer
        </button>
        <button type="button" disabled={!page.data?.nextCursor} onClick={() => setCursors([...cursors, page.data!.nextCursor])}>
          Older
        </button>
      </div>
    </section>
  );
}
