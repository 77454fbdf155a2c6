/**
 * A small Prometheus registry and its text exposition (format 0.0.4), written for the gateway's
 * few metrics: counters, gauges and histograms with labels. Label sets are bounded per metric:
 * past `maxSeries`, new combinations are counted under `overflow` values instead of growing memory.
 */
export type Labels = Record<string, string>;

interface MetricBase {
  name: string;
  help: string;
  labelNames: readonly string[];
  maxSeries?: number;
}

export interface Counter {
  inc(labels?: Labels, value?: number): void;
  /** The series of these labels, looked up once: for callers that update it on every request. */
  bind(labels?: Labels): BoundCounter;
}

export interface BoundCounter {
  inc(value?: number): void;
}

export interface Gauge {
  set(labels: Labels, value: number): void;
  inc(labels?: Labels, value?: number): void;
  dec(labels?: Labels, value?: number): void;
}

export interface Histogram {
  observe(labels: Labels, value: number): void;
  /** The series of these labels, looked up once: for callers that update it on every request. */
  bind(labels: Labels): BoundHistogram;
}

export interface BoundHistogram {
  observe(value: number): void;
}

export interface PrometheusRegistry {
  /** `collect`, when given, reads the series' values at each render (counts kept by something else). */
  counter(options: MetricBase & { collect?(): Array<{ labels: Labels; value: number }> }): Counter;
  gauge(options: MetricBase & { collect?(): Array<{ labels: Labels; value: number }> }): Gauge;
  histogram(options: MetricBase & { buckets: readonly number[] }): Histogram;
  /** The text exposition, for `GET /metrics`. */
  render(): string;
}

export const prometheusContentType = 'text/plain; version=0.0.4; charset=utf-8';
export const overflowLabelValue = 'overflow';

interface Series {
  labels: string;
  value: number;
  counts?: number[];
  sum?: number;
}

interface Family {
  type: 'counter' | 'gauge' | 'histogram';
  options: MetricBase & { buckets?: readonly number[]; collect?(): Array<{ labels: Labels; value: number }> };
  series: Map<string, Series>;
}

export function createPrometheusRegistry(): PrometheusRegistry {
  const families: Family[] = [];

  const register = (type: Family['type'], options: Family['options']): Family => {
    if (!/^[a-zA-Z_:][a-zA-Z0-9_:]*$/.test(options.name)) throw new TypeError(`Bad metric name ${options.name}`);
    const family: Family = { type, options, series: new Map() };
    families.push(family);
    return family;
  };

  const seriesOf = (family: Family, labels: Labels | undefined): Series => {
    // Looked up by the raw values (cheap, on every update); the escaped label text is made once per series.
    const names = family.options.labelNames;
    let key = '';
    for (const name of names) key += `${labels?.[name] ?? ''}\u0000`;
    let series = family.series.get(key);
    if (series) return series;
    const overflow = family.series.size >= (family.options.maxSeries ?? 1000);
    if (overflow) key = names.map(() => `${overflowLabelValue}\u0000`).join('');
    series = family.series.get(key);
    if (!series) {
      series = { labels: labelKey(names, labels, overflow ? overflowLabelValue : undefined), value: 0 };
      if (family.options.buckets) {
        series.counts = family.options.buckets.map(() => 0);
        series.sum = 0;
      }
      family.series.set(key, series);
    }
    return series;
  };

  return {
    counter(options) {
      const family = register('counter', options);
      const add = (series: Series, value: number) => {
        if (value >= 0 && Number.isFinite(value)) series.value += value;
      };
      return {
        inc: (labels, value = 1) => add(seriesOf(family, labels), value),
        bind(labels) {
          const series = seriesOf(family, labels);
          return { inc: (value = 1) => add(series, value) };
        },
      };
    },
    gauge(options) {
      const family = register('gauge', options);
      return {
        set: (labels, value) => void (seriesOf(family, labels).value = value),
        inc: (labels, value = 1) => void (seriesOf(family, labels).value += value),
        dec: (labels, value = 1) => void (seriesOf(family, labels).value -= value),
      };
    },
    histogram(options) {
      const buckets = [...options.buckets].sort((a, b) => a - b);
      const family = register('histogram', { ...options, buckets });
      const record = (series: Series, value: number) => {
        if (!Number.isFinite(value)) return;
        series.value += 1;
        series.sum! += value;
        // Stored per bucket, made cumulative at render time.
        for (let index = 0; index < buckets.length; index += 1) {
          if (value <= buckets[index]!) {
            series.counts![index]! += 1;
            return;
          }
        }
      };
      return {
        observe: (labels, value) => record(seriesOf(family, labels), value),
        bind(labels) {
          const series = seriesOf(family, labels);
          return { observe: (value) => record(series, value) };
        },
      };
    },
    render() {
      const lines: string[] = [];
      for (const family of families) {
        const { name, help, buckets, collect, labelNames } = family.options;
        if (collect) for (const sample of collect()) seriesOf(family, sample.labels).value = sample.value;
        lines.push(`# HELP ${name} ${help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n')}`, `# TYPE ${name} ${family.type}`);
        if (family.series.size === 0 && labelNames.length === 0 && family.type !== 'histogram') lines.push(`${name} 0`);
        for (const series of family.series.values()) {
          if (family.type !== 'histogram') {
            lines.push(`${name}${wrap(series.labels)} ${formatNumber(series.value)}`);
            continue;
          }
          let cumulative = 0;
          buckets!.forEach((bound, index) => {
            cumulative += series.counts![index]!;
            lines.push(`${name}_bucket${wrap(joinLabels(series.labels, `le="${formatNumber(bound)}"`))} ${cumulative}`);
          });
          lines.push(`${name}_bucket${wrap(joinLabels(series.labels, 'le="+Inf"'))} ${series.value}`);
          lines.push(`${name}_sum${wrap(series.labels)} ${formatNumber(series.sum!)}`);
          lines.push(`${name}_count${wrap(series.labels)} ${series.value}`);
        }
      }
      return `${lines.join('\n')}\n`;
    },
  };
}

function labelKey(names: readonly string[], labels: Labels | undefined, fill?: string): string {
  return names.map((name) => `${name}="${escapeLabel(fill ?? labels?.[name] ?? '')}"`).join(',');
}

function joinLabels(labels: string, extra: string): string {
  return labels ? `${labels},${extra}` : extra;
}

function wrap(labels: string): string {
  return labels ? `{${labels}}` : '';
}

function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}

function formatNumber(value: number): string {
  if (value === Number.POSITIVE_INFINITY) return '+Inf';
  if (value === Number.NEGATIVE_INFINITY) return '-Inf';
  return String(value);
}
