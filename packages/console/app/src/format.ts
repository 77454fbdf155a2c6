export const formatInteger = (value: number | undefined) => (value === undefined ? '–' : Math.round(value).toLocaleString('en-US'));

export function formatMs(value: number | undefined): string {
  if (value === undefined) return '–';
  if (value >= 10_000) return `${(value / 1000).toFixed(1)} s`;
  if (value >= 100) return `${Math.round(value)} ms`;
  return `${value.toFixed(value >= 10 ? 1 : 2)} ms`;
}

export function formatUsd(value: number | undefined): string {
  if (value === undefined) return '–';
  if (value === 0) return '$0';
  if (value < 0.01) return `$${value.toFixed(6)}`;
  return `$${value.toFixed(value < 100 ? 4 : 2)}`;
}

export const formatPercent = (value: number | undefined) => (value === undefined ? '–' : `${(value * 100).toFixed(value < 0.1 ? 1 : 0)}%`);

export function formatTime(epochMs: number, withDate = false): string {
  const date = new Date(epochMs);
  const time = date.toLocaleTimeString('en-GB', { hour12: false });
  return withDate ? `${date.toISOString().slice(0, 10)} ${time}` : time;
}
