import { useMemo, useState } from 'react';
import { adminApi } from '../api.js';
import { FiguresTable } from '../components/figures-table.js';
import { type ChartSeries, TimeChart } from '../components/time-chart.js';
import { formatInteger, formatMs, formatPercent, formatUsd } from '../format.js';
import type { LogStats } from '../types.js';
import { usePolling } from '../use-polling.js';

const windows = [
  { value: '1h', label: 'Last hour' },
  { value: '24h', label: 'Last day' },
  { value: '7d', label: 'Last week' },
];

export function OverviewPage() {
  const [window, setWindow] = useState('1h');
  // The log is written in batches; every 15 s is fresh enough and cheap for the gateway.
  const stats = usePolling(() => adminApi<LogStats>(`/admin/stats?window=${window}`), [window], 15_000);
  const data = stats.data?.window === window ? stats.data : undefined;
  return (
    <section aria-labelledby="overview-title">
      <div className="page-head">
        <h1 id="overview-title">Overview</h1>
        <label className="inline">
          Window{' '}
          <select value={window} onChange={(event) => setWindow(event.target.value)}>
            {windows.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {stats.error && (
        <p role="alert" className="error">
          Could not load the figures: {stats.error}
        </p>
      )}
      {!data && !stats.error && <p className="muted">Loading…</p>}
      {data && <OverviewFigures stats={data} />}
    </section>
  );
}

function OverviewFigures({ stats }: { stats: LogStats }) {
  const { totals } = stats;
  const charts = useMemo(() => {
    const times = stats.buckets.map((bucket) => bucket.start);
    const pick = (read: (bucket: LogStats['buckets'][number]) => number | undefined) => stats.buckets.map((bucket) => read(bucket) ?? null);
    return {
      times,
      traffic: [
        { label: 'Requests', values: pick((bucket) => bucket.requests), color: '#2f6fde', bars: true },
        { label: 'Errors', values: pick((bucket) => bucket.errors), color: '#d43f3a', bars: true },
      ] satisfies ChartSeries[],
      latency: [
        { label: 'p50', values: pick((bucket) => bucket.p50LatencyMs), color: '#2f6fde' },
        { label: 'p95', values: pick((bucket) => bucket.p95LatencyMs), color: '#b26b00' },
        { label: 'First token p50', values: pick((bucket) => bucket.p50FirstTokenMs), color: '#2b8a3e' },
      ] satisfies ChartSeries[],
      tokens: [
        { label: 'Input', values: pick((bucket) => bucket.inputTokens), color: '#6f42c1', bars: true },
        { label: 'Output', values: pick((bucket) => bucket.outputTokens), color: '#0c8599', bars: true },
      ] satisfies ChartSeries[],
      cost: [{ label: 'Cost', values: pick((bucket) => bucket.costUsd), color: '#b26b00', bars: true }] satisfies ChartSeries[],
    };
  }, [stats]);
  const errorRate = totals.requests > 0 ? totals.errors / totals.requests : undefined;
  return (
    <>
      {stats.truncated && <p className="warning">More requests than the console reads at once fell in this window: the figures cover the oldest of them.</p>}
      <dl className="cards">
        <Card label="Requests" value={formatInteger(totals.requests)} testId="total-requests" />
        <Card label="Errors" value={formatInteger(totals.errors)} note={formatPercent(errorRate)} testId="total-errors" />
        <Card label="Latency p50 / p95" value={`${formatMs(totals.p50LatencyMs)} / ${formatMs(totals.p95LatencyMs)}`} testId="latency" />
        <Card label="Time to first token p50" value={formatMs(totals.p50FirstTokenMs)} testId="first-token" />
        <Card label="Tokens in / out" value={`${formatInteger(totals.inputTokens)} / ${formatInteger(totals.outputTokens)}`} testId="tokens" />
        <Card label="Cost" value={formatUsd(totals.costUsd)} testId="cost" />
        <Card label="Gateway overhead p50 / p95" value={`${formatMs(totals.p50OverheadMs)} / ${formatMs(totals.p95OverheadMs)}`} testId="overhead" />
      </dl>
      <div className="charts">
        <TimeChart title="Requests and errors" times={charts.times} series={charts.traffic} />
        <TimeChart title="Latency" times={charts.times} series={charts.latency} format={formatMs} />
        <TimeChart title="Tokens" times={charts.times} series={charts.tokens} />
        <TimeChart title="Cost" times={charts.times} series={charts.cost} format={formatUsd} />
      </div>
      <FiguresTable caption="By provider" nameHeader="Provider" rows={stats.byProvider.map(({ provider, ...figures }) => ({ name: provider, ...figures }))} />
      <FiguresTable caption="By model" nameHeader="Model" rows={stats.byModel.map(({ model, ...figures }) => ({ name: model, ...figures }))} />
    </>
  );
}

function Card({ label, value, note, testId }: { label: string; value: string; note?: string; testId: string }) {
  return (
    <div className="card">
      <dt>{label}</dt>
      <dd data-testid={testId}>{value}</dd>
      {note && <dd className="muted small">{note}</dd>}
    </div>
  );
}
