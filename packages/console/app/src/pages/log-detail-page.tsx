import { adminApi } from '../api.js';
import { formatInteger, formatMs, formatTime, formatUsd } from '../format.js';
import { linkProps } from '../router.js';
import type { LogPage, LogRecord } from '../types.js';
import { usePolling } from '../use-polling.js';

/** One request: its figures, the attempt chain (fallbacks, retries), warnings, guardrail verdicts and bodies. */
export function LogDetailPage({ traceId }: { traceId: string }) {
  const page = usePolling(() => adminApi<LogPage>(`/admin/logs?trace_id=${encodeURIComponent(traceId)}&limit=100&order=asc`), [traceId], 0);
  const request = page.data?.records.find((record) => record.kind === 'request');
  const attempts = (page.data?.records ?? []).filter((record) => record.kind === 'attempt').sort((a, b) => (a.attemptIndex ?? 0) - (b.attemptIndex ?? 0));
  return (
    <section aria-labelledby="detail-title">
      <p>
        <a {...linkProps('/logs')}>← All requests</a>
      </p>
      <h1 id="detail-title">
        Request <code>{traceId}</code>
      </h1>
      {page.error && (
        <p role="alert" className="error">
          {page.error}
        </p>
      )}
      {page.data && !request && <p>No request with this trace id is in the log.</p>}
      {request && <RequestFigures record={request} />}
      {request && (
        <>
          <h2>Attempts</h2>
          {attempts.length === 0 ? (
            <p className="muted">No upstream attempt was made.</p>
          ) : (
            <ol className="attempts" aria-label="Attempt chain">
              {attempts.map((attempt) => (
                <li key={attempt.id} className={attempt.errorKind ? 'failed' : 'succeeded'}>
                  <strong>{attempt.provider ?? '–'}</strong> {attempt.modelRequested && <code>{attempt.modelRequested}</code>} — status {attempt.status || '–'}
                  {attempt.retries ? `, retry ${attempt.retries}` : ''}, {formatMs(attempt.totalMs)}
                  {attempt.errorKind ? (
                    <span className="error">
                      {' '}
                      {attempt.errorKind}: {attempt.errorMessage}
                    </span>
                  ) : (
                    <span className="ok"> answered</span>
                  )}
                </li>
              ))}
            </ol>
          )}
          <h2>Warnings</h2>
          {request.warnings?.length ? (
            <ul>
              {request.warnings.map((warning, index) => (
                <li key={index}>
                  <code>{JSON.stringify(warning)}</code>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">None.</p>
          )}
          <h2>Guardrail verdicts</h2>
          {request.guardrails?.length ? (
            <pre className="code">{JSON.stringify(request.guardrails, null, 2)}</pre>
          ) : (
            <p className="muted">None recorded.</p>
          )}
          <h2>Bodies</h2>
          {request.requestBody === undefined && request.responseBody === undefined ? (
            <p className="muted">
              Body logging is off (<code>logs.bodies</code> in the config).
            </p>
          ) : (
            <>
              <h3>Request</h3>
              <pre className="code" data-testid="request-body">{pretty(request.requestBody)}</pre>
              <h3>Response</h3>
              <pre className="code" data-testid="response-body">{pretty(request.responseBody)}</pre>
            </>
          )}
        </>
      )}
    </section>
  );
}

function RequestFigures({ record }: { record: LogRecord }) {
  const rows: Array<[string, string]> = [
    ['Time', formatTime(record.time, true)],
    ['Route', `${record.method} ${record.path}`],
    ['Format', record.format ?? '–'],
    ['Provider', record.provider ?? '–'],
    ['Model asked / answered', `${record.modelRequested ?? '–'} / ${record.modelAnswered ?? '–'}`],
    ['Status', `${record.status}${record.errorKind ? ` (${record.errorKind}: ${record.errorMessage ?? ''})` : ''}`],
    ['Key', record.keyId ?? '–'],
    ['Stream', record.stream ? `yes${record.incomplete ? ' (incomplete)' : ''}` : 'no'],
    ['Latency: total / first byte', `${formatMs(record.totalMs)} / ${formatMs(record.firstByteMs)}`],
    ['Upstream / gateway overhead', `${formatMs(record.upstreamMs)} / ${formatMs(record.overheadMs)}`],
    ['Tokens in / out', record.tokens ? `${formatInteger(record.tokens.input)} / ${formatInteger(record.tokens.output)}` : '–'],
    ['Cost', `${formatUsd(record.costUsd)}${record.priceVersion ? ` (${record.priceVersion})` : ''}`],
    ['Cache', record.cacheStatus ?? '–'],
    ['Attempts / retries', `${record.attempts ?? 0} / ${record.retries ?? 0}`],
  ];
  if (record.metadata) rows.push(['Metadata', JSON.stringify(record.metadata)]);
  return (
    <dl className="facts">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function pretty(body: string | undefined): string {
  if (body === undefined) return '(not kept)';
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}
