import { useEffect, useState } from 'react';
import { adminKey, onLoggedOut } from './api.js';
import { ConfigPage } from './pages/config-page.js';
import { KeysPage } from './pages/keys-page.js';
import { LoginPage } from './pages/login-page.js';
import { LogDetailPage } from './pages/log-detail-page.js';
import { LogsPage } from './pages/logs-page.js';
import { OverviewPage } from './pages/overview-page.js';
import { ProvidersPage } from './pages/providers-page.js';
import { linkProps, useRoute } from './router.js';

const pages = [
  { route: '/', title: 'Overview' },
  { route: '/logs', title: 'Logs' },
  { route: '/providers', title: 'Providers' },
  { route: '/keys', title: 'Keys and budgets' },
  { route: '/config', title: 'Config' },
];

export function App() {
  const [loggedIn, setLoggedIn] = useState(() => adminKey.get() !== undefined);
  const route = useRoute();
  useEffect(() => onLoggedOut(() => setLoggedIn(false)), []);
  const current = pages.find((page) => (page.route === '/' ? route === '/' : route === page.route || route.startsWith(`${page.route}/`)));
  useEffect(() => {
    document.title = `${current?.title ?? 'Not found'} · Switchyard console`;
  }, [current]);
  if (!loggedIn) return <LoginPage onLogin={() => setLoggedIn(true)} />;
  const logout = () => {
    adminKey.clear();
    setLoggedIn(false);
  };
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <span className="brand">Switchyard</span>
        <nav aria-label="Console pages">
          <ul>
            {pages.map((page) => (
              <li key={page.route}>
                <a {...linkProps(page.route)} aria-current={page === current ? 'page' : undefined}>
                  {page.title}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <button type="button" className="quiet" onClick={logout}>
          Log out
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        <Page route={route} />
      </main>
    </div>
  );
}

function Page({ route }: { route: string }) {
  if (route === '/') return <OverviewPage />;
  if (route === '/logs') return <LogsPage />;
  if (route.startsWith('/logs/')) return <LogDetailPage traceId={decodeURIComponent(route.slice('/logs/'.length))} />;
  if (route === '/providers') return <ProvidersPage />;
  if (route === '/keys') return <KeysPage />;
  if (route === '/config') return <ConfigPage />;
  return (
    <section>
      <h1>Not found</h1>
      <p>
        No console page at this address. <a {...linkProps('/')}>Go to the overview</a>.
      </p>
    </section>
  );
}
