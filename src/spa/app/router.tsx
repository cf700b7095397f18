import { Suspense, type ComponentType } from 'react';
import { matchRoutes, Navigate, useRoutes, type RouteObject } from 'react-router';
import { withTranslations } from '../shared/i18n/i18n.ts';
import { PageLoader } from '../shared/ui/page-loader.tsx';
import { AppLayout } from './app-layout.tsx';
import { FEATURES } from './features.ts';
import { lazyPage, type LazyPage } from './lazy-page.ts';

/**
 * The routes the features declare (see features.ts), each page's code loaded on demand, so the first
 * page's JavaScript is the shell plus the one page shown. A page renders once its code and the
 * translations of the modules it brought are in. Declarative routes (no loaders or actions: data
 * comes through TanStack Query) keep React Router's data-router runtime, about 16 KB gzip, out of the bundle.
 */
function page(load: () => Promise<ComponentType>): LazyPage {
  return lazyPage(withTranslations(load));
}

/** What a route keeps for `preloadPage`: how to start fetching its page's code. */
interface PageHandle {
  preload: LazyPage['preload'];
}

function pageRoute(path: string, lazy: LazyPage): RouteObject {
  return { path, element: <lazy.Component />, handle: { preload: lazy.preload } satisfies PageHandle };
}

const pages = FEATURES.flatMap((feature) => feature.routes).map((route) => ({ ...route, lazy: page(route.page) }));
const notFound = page(async () => (await import('../shared/ui/not-found-page.tsx')).NotFoundPage);
/** The console opens on the cluster list. */
const FIRST_PAGE = 'clusters';
const firstPage = pages.find((route) => route.path === FIRST_PAGE);

export const routes: RouteObject[] = [
  ...pages
    .filter((route) => route.bare)
    .map(({ path, lazy }) => ({
      path,
      element: (
        <Suspense fallback={<PageLoader fullScreen />}>
          <lazy.Component />
        </Suspense>
      ),
      handle: { preload: lazy.preload } satisfies PageHandle,
    })),
  {
    element: <AppLayout />,
    children: [
      {
        index: true,
        element: <Navigate to={`/${FIRST_PAGE}`} replace />,
        ...(firstPage ? { handle: { preload: firstPage.lazy.preload } satisfies PageHandle } : {}),
      },
      ...pages.filter((route) => !route.bare).map((route) => pageRoute(route.path, route.lazy)),
      pageRoute('*', notFound),
    ],
  },
];

/** Starts fetching the code of the page at this address: the console's first page, before the first render. */
export function preloadPage(pathname: string): void {
  for (const match of matchRoutes(routes, pathname) ?? []) {
    void (match.route.handle as PageHandle | undefined)?.preload().catch(() => {
      // Nothing to do here: rendering the page meets the same failure and shows it where the page would be.
    });
  }
}

export function AppRoutes() {
  return useRoutes(routes);
}
