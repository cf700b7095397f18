import { Suspense } from 'react';
import { matchRoutes, Navigate, useRoutes, type RouteObject } from 'react-router';
import { withPageMessages } from '../shared/i18n/i18n.ts';
import type { PlannedPageId } from '../shared/ui/planned-page.tsx';
import { PageLoader } from '../shared/ui/page-loader.tsx';
import { AppLayout } from './app-layout.tsx';
import { lazyPage, type LazyPage } from './lazy-page.ts';

/**
 * Every page's code loads on demand, so the first page's JavaScript is the shell plus the one page
 * shown. Declarative routes (no loaders or actions: data comes through TanStack Query) keep React
 * Router's data-router runtime, about 16 KB gzip, out of the bundle.
 */
const pages = {
  // The first page: its text is in the built-in catalog.
  clusters: lazyPage(async () => (await import('../features/clusters/clusters-page.tsx')).ClustersPage),
  signIn: lazyPage(withPageMessages(async () => (await import('../features/session/sign-in-page.tsx')).SignInPage)),
  createCluster: lazyPage(withPageMessages(async () => (await import('../features/clusters/create-cluster-page.tsx')).CreateClusterPage)),
  clusterDetail: lazyPage(withPageMessages(async () => (await import('../features/clusters/cluster-detail-page.tsx')).ClusterDetailPage)),
  quotas: lazyPage(withPageMessages(async () => (await import('../features/quotas/quotas-page.tsx')).QuotasPage)),
  audit: lazyPage(withPageMessages(async () => (await import('../features/audit/audit-page.tsx')).AuditPage)),
  accounts: lazyPage(withPageMessages(async () => (await import('../features/accounts/accounts-page.tsx')).AccountsPage)),
  notFound: lazyPage(withPageMessages(async () => (await import('../shared/ui/not-found-page.tsx')).NotFoundPage)),
  planned: lazyPage(withPageMessages(async () => (await import('../shared/ui/planned-page.tsx')).PlannedPage)),
};

/** What a route keeps for `preloadPage`: how to start fetching its page's code. */
interface PageHandle {
  preload: LazyPage['preload'];
}

function pageRoute(path: string, page: LazyPage): RouteObject {
  return { path, element: <page.Component />, handle: { preload: page.preload } satisfies PageHandle };
}

/** A page a later issue fills: loaded on demand like every other page. */
function plannedRoute(id: PlannedPageId): RouteObject {
  const { Component } = pages.planned;
  return { path: id, element: <Component page={id} />, handle: { preload: pages.planned.preload } satisfies PageHandle };
}

export const routes: RouteObject[] = [
  {
    path: 'sign-in',
    element: (
      <Suspense fallback={<PageLoader fullScreen />}>
        <pages.signIn.Component />
      </Suspense>
    ),
    handle: { preload: pages.signIn.preload } satisfies PageHandle,
  },
  {
    element: <AppLayout />,
    children: [
      { index: true, element: <Navigate to="/clusters" replace />, handle: { preload: pages.clusters.preload } satisfies PageHandle },
      pageRoute('clusters', pages.clusters),
      pageRoute('clusters/new', pages.createCluster),
      pageRoute('clusters/:clusterId', pages.clusterDetail),
      plannedRoute('addons'),
      plannedRoute('upgrades'),
      plannedRoute('charts'),
      plannedRoute('releases'),
      pageRoute('quotas', pages.quotas),
      pageRoute('audit', pages.audit),
      pageRoute('accounts', pages.accounts),
      pageRoute('*', pages.notFound),
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
