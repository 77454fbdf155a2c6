import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface ChartSeries {
  label: string;
  values: Array<number | null>;
  color: string;
  /** Draws as bars (counts) rather than a line (latencies). */
  bars?: boolean;
}

/** A small time chart (uPlot) that follows its container's width, so it fits a narrow window. */
export function TimeChart({ title, times, series, format }: { title: string; times: number[]; series: ChartSeries[]; format?: (value: number) => string }) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const width = () => Math.max(240, element.clientWidth);
    const bars = uPlot.paths.bars?.({ size: [0.8, 24] });
    const plot = new uPlot(
      {
        width: width(),
        height: 180,
        legend: { show: true },
        cursor: { drag: { x: false, y: false } },
        scales: { x: { time: true } },
        axes: [
          { stroke: 'currentColor', grid: { stroke: 'rgba(128,128,128,0.15)' } },
          {
            stroke: 'currentColor',
            grid: { stroke: 'rgba(128,128,128,0.15)' },
            values: format ? (_plot, ticks) => ticks.map(format) : undefined,
            // Wide enough for the longest tick label (cost labels run long).
            size: (_plot, values) => Math.max(40, 20 + 8 * Math.max(0, ...(values ?? []).map((value) => String(value).length))),
          },
        ],
        series: [
          {},
          ...series.map((entry) => ({
            label: entry.label,
            stroke: entry.color,
            fill: entry.bars ? `${entry.color}88` : undefined,
            width: entry.bars ? 0 : 2,
            paths: entry.bars ? bars : undefined,
            // A lone bucket with traffic has no neighbour to draw a line to: points make it visible.
            points: { show: !entry.bars, size: 5 },
            value: format ? (_plot: uPlot, value: number | null) => (value === null ? '–' : format(value)) : undefined,
          })),
        ],
      },
      [times.map((time) => time / 1000), ...series.map((entry) => entry.values)] as uPlot.AlignedData,
      element,
    );
    const observer = new ResizeObserver(() => plot.setSize({ width: width(), height: 180 }));
    observer.observe(element);
    return () => {
      observer.disconnect();
      plot.destroy();
    };
  }, [times, series, format]);
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <div ref={container} role="img" aria-label={`${title} over time`} />
    </figure>
  );
}
