import { formatInteger, formatMs, formatUsd } from '../format.js';
import type { StatsFigures } from '../types.js';

/** A breakdown (by provider or by model) of the overview's figures. */
export function FiguresTable({ caption, nameHeader, rows }: { caption: string; nameHeader: string; rows: Array<{ name: string } & StatsFigures> }) {
  return (
    <div className="table-scroll">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{nameHeader}</th>
            <th scope="col" className="number">Requests</th>
            <th scope="col" className="number">Errors</th>
            <th scope="col" className="number">p50</th>
            <th scope="col" className="number">p95</th>
            <th scope="col" className="number">First token p50</th>
            <th scope="col" className="number">Tokens in / out</th>
            <th scope="col" className="number">Cost</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={8} className="muted">
                No requests in this window.
              </td>
            </tr>
          )}
          {rows.map((row) => (
            <tr key={row.name}>
              <th scope="row">{row.name}</th>
              <td className="number">{formatInteger(row.requests)}</td>
              <td className="number">{formatInteger(row.errors)}</td>
              <td className="number">{formatMs(row.p50LatencyMs)}</td>
              <td className="number">{formatMs(row.p95LatencyMs)}</td>
              <td className="number">{formatMs(row.p50FirstTokenMs)}</td>
              <td className="number">
                {formatInteger(row.inputTokens)} / {formatInteger(row.outputTokens)}
              </td>
              <td className="number">{formatUsd(row.costUsd)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
