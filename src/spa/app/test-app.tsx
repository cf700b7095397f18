import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, useLocation, useNavigate, type Location, type NavigateFunction } from 'react-router';
import type { Language } from '../shared/i18n/i18n.ts';
import { createTestQueryClient } from '../shared/test/render.tsx';
import { AppProviders } from './providers.tsx';
import { AppRoutes, preloadPage } from './router.tsx';

/** What a test sees of the router: where the console is, and a way to go elsewhere as a link would. */
export interface TestRouter {
  location: Location;
  navigate: NavigateFunction;
}

function RouterProbe({ router }: { router: Partial<TestRouter> }) {
  router.location = useLocation();
  router.navigate = useNavigate();
  return null;
}

/** The whole console (providers, routes, shell) at `path`, in a memory router. */
export function renderApp(path: string, { language }: { language?: Language } = {}) {
  const router: Partial<TestRouter> = {};
  const user = userEvent.setup();
  // As main.tsx does: the page's code starts loading before the first render.
  preloadPage(new URL(path, 'http://console.test').pathname);
  render(
    <AppProviders queryClient={createTestQueryClient()} {...(language ? { language } : {})}>
      <MemoryRouter initialEntries={[path]}>
        <AppRoutes />
        <RouterProbe router={router} />
      </MemoryRouter>
    </AppProviders>,
  );
  return { router: router as TestRouter, user };
}
