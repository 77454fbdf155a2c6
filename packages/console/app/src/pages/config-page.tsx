import { type FormEvent, useState } from 'react';
import { adminApi } from '../api.js';
import type { ConfigProblem } from '../types.js';
import { usePolling } from '../use-polling.js';

export function ConfigPage() {
  const running = usePolling(() => adminApi<{ config: unknown }>('/admin/config'), [], 0);
  const [text, setText] = useState('');
  const [result, setResult] = useState<{ valid: boolean; problems: ConfigProblem[] }>();
  const [error, setError] = useState<string>();
  const validate = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      setResult(await adminApi('/admin/config/validate', { method: 'POST', body: JSON.stringify({ text }) }));
    } catch (failure) {
      setError((failure as Error).message);
    }
  };
  return (
    <section aria-labelledby="config-title">
      <h1 id="config-title">Config</h1>
      <h2>Running config</h2>
      <p className="muted small">As the gateway parsed it, defaults filled in; keys, secrets and passwords show as [hidden].</p>
      {running.error && (
        <p role="alert" className="error">
          {running.error}
        </p>
      )}
      <pre className="code" data-testid="running-config">{running.data ? JSON.stringify(running.data.config, null, 2) : 'Loading…'}</pre>
      <form onSubmit={validate} aria-labelledby="validate-title">
        <h2 id="validate-title">Validate a config</h2>
        <label htmlFor="config-text">Config (YAML or JSON)</label>
        <textarea id="config-text" rows={12} spellCheck={false} className="mono" value={text} onChange={(event) => setText(event.target.value)} />
        <button type="submit" disabled={text.trim() === ''}>
          Validate
        </button>
      </form>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {result &&
        (result.valid ? (
          <p className="ok" role="status">
            The config is valid.
          </p>
        ) : (
          <div role="status">
            <p className="error">
              {result.problems.length} problem{result.problems.length === 1 ? '' : 's'}:
            </p>
            <ul className="problems">
              {result.problems.map((problem, index) => (
                <li key={index}>
                  <code>{problem.path}</code> (line {problem.line}, column {problem.column}): {problem.message}
                </li>
              ))}
            </ul>
          </div>
        ))}
    </section>
  );
}
