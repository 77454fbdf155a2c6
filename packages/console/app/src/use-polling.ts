import { useCallback, useEffect, useRef, useState } from 'react';

export interface Polled<T> {
  data?: T;
  error?: string;
  loading: boolean;
  reload(): void;
}

/**
 * Loads now, then again `intervalMs` after each answer (never two calls at once), only while the
 * tab is visible; a tab coming back into view reloads at once. `intervalMs` 0 loads once.
 */
export function usePolling<T>(load: () => Promise<T>, deps: readonly unknown[], intervalMs: number): Polled<T> {
  const [state, setState] = useState<{ data?: T; error?: string; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let running = false;
    const run = async () => {
      if (running || cancelled) return;
      if (document.hidden) return schedule();
      running = true;
      try {
        const data = await loadRef.current();
        if (!cancelled) setState({ data, loading: false });
      } catch (error) {
        if (!cancelled) setState((previous) => ({ ...previous, error: (error as Error).message, loading: false }));
      } finally {
        running = false;
        schedule();
      }
    };
    const schedule = () => {
      if (cancelled || intervalMs <= 0) return;
      clearTimeout(timer);
      timer = setTimeout(run, intervalMs);
    };
    const onVisible = () => {
      if (!document.hidden) {
        clearTimeout(timer);
        void run();
      }
    };
    setState((previous) => ({ ...previous, loading: true }));
    void run();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      cancelled = true;
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick, intervalMs]);
  const reload = useCallback(() => setTick((value) => value + 1), []);
  return { ...state, reload };
}
