import { useEffect, useState } from 'react';

export const basePath = '/console';

/** The path inside the console (`/logs/abc`), from the browser's location. */
export function currentRoute(): string {
  const path = window.location.pathname;
  const inner = path.startsWith(basePath) ? path.slice(basePath.length) : path;
  return inner === '' ? '/' : inner;
}

export function navigate(route: string): void {
  if (route === currentRoute()) return;
  window.history.pushState(null, '', basePath + route);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

export function useRoute(): string {
  const [route, setRoute] = useState(currentRoute);
  useEffect(() => {
    const update = () => setRoute(currentRoute());
    window.addEventListener('popstate', update);
    return () => window.removeEventListener('popstate', update);
  }, []);
  return route;
}

/** A link that navigates inside the app (a real href: middle-click and keyboard work as usual). */
export function linkProps(route: string) {
  return {
    href: basePath + route,
    onClick(event: { preventDefault(): void; metaKey: boolean; ctrlKey: boolean; shiftKey: boolean; button: number }) {
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
      event.preventDefault();
      navigate(route);
    },
  };
}
