import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app.tsx';
import { prefetchFirstPage } from './app/first-page-data.ts';
import { createQueryClient } from './app/query-client.ts';
import { preloadPage } from './app/router.tsx';
import { initialLanguage, loadCatalog } from './shared/i18n/i18n.ts';

/**
 * Mantine's ColorSchemeScript sets the colour scheme before the first paint with an inline script,
 * which the BFF's Content-Security-Policy forbids. Doing the same here, before React renders, keeps
 * a dark-mode operator from seeing a flash of light. (Same key and values as Mantine's manager.)
 */
function applyStoredColorScheme() {
  try {
    const stored = window.localStorage.getItem('mantine-color-scheme-value');
    const scheme = stored === 'light' || stored === 'dark' ? stored : window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
    document.documentElement.setAttribute('data-mantine-color-scheme', scheme);
  } catch {
    // No storage or media queries: Mantine falls back to its default on mount.
  }
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

applyStoredColorScheme();
// The page's code loads while the catalog and (after the first render) the session do.
preloadPage(window.location.pathname);
// …and the first page's data (session, context, clusters, upgrade paths) in one round (see first-page-data.ts).
const queryClient = createQueryClient();
prefetchFirstPage(queryClient, window.location.pathname);
// The operator's language is loaded before the first render, so the console never flashes English first.
await loadCatalog(initialLanguage());
createRoot(root).render(
  <StrictMode>
    <App queryClient={queryClient} />
  </StrictMode>,
);
