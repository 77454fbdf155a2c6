import { useMemo, useState } from 'react';
import { adminApi } from '../api.js';
import { TryIt } from '../components/try-it.js';
import { formatInteger, formatMs, formatPercent } from '../format.js';
import type { LogStats, ProviderEntry, TargetHealth } from '../types.js';
import { usePolling } from '../use-polling.js';

const chatFeatures: Array<[string, string]> = [
  ['streaming', 'Stream'],
  ['tools', 'Tools'],
  ['parallelTools', 'Parallel tools'],
  ['images', 'Images'],
  ['files', 'PDFs'],
  ['audio', 'Audio'],
  ['reasoning', 'Reasoning'],
  ['jsonObject', 'JSON mode'],
  ['jsonSchema', 'JSON schema'],
];

export function ProvidersPage() {
  const providers = usePolling(() => adminApi<{ data: ProviderEntry[]; unattributed: TargetHealth[] }>('/admin/providers'), [], 15_000);
  // The last hour from the log, beside the router's live circuit figures.
  const stats = usePolling(() => adminApi<LogStats>('/admin/stats?window=1h').catch(() => undefined), [], 30_000);
  const [showAll, setShowAll] = useState(false);
  const [filter, setFilter] = useState('');
  const lastHour = useMemo(() => new Map((stats.data?.byProvider ?? []).map((row) => [row.provider, row])), [stats.data]);
  const entries = providers.data?.data ?? [];
  // Every bundled adapter has an entry; the ones set up (a key, a base URL, models, traffic) come first.
  const inUse = (entry: ProviderEntry) => entry.hasApiKey || entry.baseURL !== undefined || entry.models.length > 0 || entry.health.calls > 0 || lastHour.has(entry.slug);
  const shown = entries
    .filter((entry) => showAll || inUse(entry))
    .filter((entry) => !filter || entry.slug.includes(filter.toLowerCase()) || entry.adapter.includes(filter.toLowerCase()));
  const models = entries.filter(inUse).flatMap((entry) => entry.models.map((model) => `@${entry.slug}/${model}`));
  return (
    <section aria-labelledby="providers-title">
      <h1 id="providers-title">Providers</h1>
      {providers.error && (
        <p role="alert" className="error">
          {providers.error}
        </p>
      )}
      <div className="filters">
        <label>
          Find
          <input type="search" value={filter} onChange={(event) => setFilter(event.target.value)} placeholder="slug or adapter" />
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={showAll} onChange={(event) => setShowAll(event.target.checked)} /> Show all {entries.length} catalog entries
        </label>
      </div>
      <div className="table-scroll">
        <table>
          <caption>Health: circuit state and the last minute from the router; the last hour from the log</caption>
          <thead>
            <tr>
              <th scope="col">Entry</th>
              <th scope="col">Adapter</th>
              <th scope="col">Circuit</th>
              <th scope="col" className="number">Error rate (1 min)</th>
              <th scope="col" className="number">First byte (avg)</th>
              <th scope="col" className="number">Requests (1 h)</th>
              <th scope="col" className="number">Errors (1 h)</th>
              <th scope="col" className="number">p50 (1 h)</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((entry) => {
              const hour = lastHour.get(entry.slug);
              return (
                <tr key={entry.slug}>
                  <th scope="row">{entry.slug}</th>
                  <td>{entry.adapter}</td>
                  <td>
                    <span className={`state state-${entry.health.state}`}>{entry.health.state === 'open' ? 'cooling down' : entry.health.state === 'half-open' ? 'probing' : 'ok'}</span>
                  </td>
                  <td className="number">{formatPercent(entry.health.errorRate)}</td>
                  <td className="number">{formatMs(entry.health.latencyMs)}</td>
                  <td className="number">{formatInteger(hour?.requests ?? 0)}</td>
                  <td className="number">{formatInteger(hour?.errors ?? 0)}</td>
                  <td className="number">{formatMs(hour?.p50LatencyMs)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="table-scroll">
        <table className="matrix">
          <caption>Capabilities</caption>
          <thead>
            <tr>
              <th scope="col">Entry</th>
              {chatFeatures.map(([, title]) => (
                <th scope="col" key={title}>
                  {title}
                </th>
              ))}
              <th scope="col">Passthrough</th>
              <th scope="col">Other endpoints</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((entry) => (
              <tr key={entry.slug}>
                <th scope="row">{entry.slug}</th>
                {chatFeatures.map(([feature, title]) => (
                  <td key={feature} aria-label={`${title}: ${entry.chat?.[feature] ? 'yes' : 'no'}`}>
                    {entry.chat?.[feature] ? '✓' : '–'}
                  </td>
                ))}
                <td>{entry.passthrough ? entry.nativeFormat : '–'}</td>
                <td className="small">{entry.endpoints.length > 0 ? entry.endpoints.join(', ') : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <TryIt models={models} />
    </section>
  );
}
