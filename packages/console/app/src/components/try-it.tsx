import { type FormEvent, useRef, useState } from 'react';
import { gatewayKey } from '../api.js';
import { type TryFormat, errorOfEvent, readServerSentEvents, textOfEvent, tryFormats } from '../stream-answer.js';

/**
 * Sends one small streamed request through the gateway's public API, as any client would, and
 * shows the answer as it arrives. It needs a gateway API key when the gateway requires one: the
 * admin key is not one (it opens the admin API only).
 */
export function TryIt({ models }: { models: string[] }) {
  const [format, setFormat] = useState<TryFormat>('openai-chat');
  const [model, setModel] = useState(models[0] ?? '');
  const [prompt, setPrompt] = useState('Say hello in five words.');
  const [key, setKey] = useState(gatewayKey.get);
  const [answer, setAnswer] = useState('');
  const [status, setStatus] = useState<string>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const abort = useRef<AbortController>(undefined);
  const send = async (event: FormEvent) => {
    event.preventDefault();
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    gatewayKey.set(key.trim());
    setBusy(true);
    setAnswer('');
    setError(undefined);
    setStatus('Sending…');
    const spec = tryFormats[format];
    try {
      const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'text/event-stream' };
      if (key.trim()) headers.authorization = `Bearer ${key.trim()}`;
      if (format === 'anthropic-messages') headers['anthropic-version'] = '2023-06-01';
      const response = await fetch(spec.path, { method: 'POST', headers, body: JSON.stringify(spec.body(model.trim(), prompt)), signal: controller.signal });
      const provider = response.headers.get('x-switchyard-provider');
      const trace = response.headers.get('x-switchyard-trace-id');
      setStatus(`HTTP ${response.status}${provider ? ` from ${provider}` : ''}${trace ? ` · trace ${trace}` : ''}`);
      if (!response.ok || !response.body) {
        const text = await response.text();
        let message = text;
        try {
          message = (JSON.parse(text) as { error?: { message?: string } }).error?.message ?? text;
        } catch {
          // not JSON: show the text
        }
        setError(message || `HTTP ${response.status}`);
        return;
      }
      await readServerSentEvents(response.body, (data) => {
        const failure = errorOfEvent(data);
        if (failure) setError(failure);
        const text = textOfEvent(format, data);
        if (text) setAnswer((previous) => previous + text);
      });
    } catch (failure) {
      if (!controller.signal.aborted) setError((failure as Error).message);
    } finally {
      if (abort.current === controller) setBusy(false);
    }
  };
  return (
    <form className="try-it" onSubmit={send} aria-labelledby="try-title">
      <h2 id="try-title">Try it</h2>
      <p className="muted small">Sends a short streamed request through this gateway, in the format you pick, to the model you name (<code>@slug/model</code> picks the provider entry).</p>
      <div className="grid-2">
        <label>
          Format
          <select value={format} onChange={(event) => setFormat(event.target.value as TryFormat)}>
            {Object.entries(tryFormats).map(([id, spec]) => (
              <option key={id} value={id}>
                {spec.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Model
          <input value={model} onChange={(event) => setModel(event.target.value)} list="try-models" required placeholder="@openai/gpt-4o-mini" />
          <datalist id="try-models">
            {models.map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
        </label>
      </div>
      <label>
        Gateway API key <span className="muted small">(when the gateway requires one)</span>
        <input type="password" autoComplete="off" value={key} onChange={(event) => setKey(event.target.value)} />
      </label>
      <label>
        Prompt
        <textarea rows={3} value={prompt} onChange={(event) => setPrompt(event.target.value)} required />
      </label>
      <button type="submit" disabled={busy}>
        {busy ? 'Streaming…' : 'Send'}
      </button>
      {status && <p className="muted small" aria-live="polite">{status}</p>}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <output className="answer" aria-live="polite" aria-label="Answer" data-testid="try-answer">
        {answer}
      </output>
    </form>
  );
}
