import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import type { PlannedPageId } from '../shared/ui/planned-page.tsx';
import { RouteErrorPage } from '../shared/ui/route-error-page.tsx';
import { PageLoader } from '../shared/ui/page-loader.tsx';
import { AppLayout } from './app-layout.tsx';

/** A page a later issue fills: loaded on demand like every other page. */
function plannedRoute(page: PlannedPageId): RouteObject {
  return {
    path: page,
    lazy: async () => {
      const { PlannedPage } = await import('../shared/ui/planned-page.tsx');
      return { element: <PlannedPage page={page} /> };
    },
  };
}

/**
 * Every page is a lazy route, so the first page's JavaScript is the shell plus the one page shown.
 * Two error elements: the inner one keeps the shell (navigation still works after a page fails),
 * the outer one catches a failing shell.
 */
export const routes: RouteObject[] = [
  {
    path: 'sign-in',
    errorElement: <RouteErrorPage />,
    hydrateFallbackElement: <PageLoader fullScreen />,
    lazy: async () => ({ Component: (await import('../features/session/sign-in-page.tsx')).SignInPage }),
  },
  {
    element: <AppLayout />,
    errorElement: <RouteErrorPage />,
    hydrateFallbackElement: <PageLoader fullScreen />,
    children: [
      {
        errorElement: <RouteErrorPage />,
        children: [
          { index: true, element: <Navigate to="/clusters" replace /> },
          {
            path: 'clusters',
            lazy: async () => ({ Component: (await import('../features/clusters/clusters-page.tsx')).ClustersPage }),
          },
          plannedRoute('addons'),
          plannedRoute('upgrades'),
          plannedRoute('charts'),
          plannedRoute('releases'),
          {
            path: 'clusters/new',
            lazy: async () => ({ Component: (await import('../features/clusters/create-cluster-page.tsx')).CreateClusterPage }),
          },
          {
            path: 'clusters/:clusterId',
            lazy: async () => ({ Component: (await import('../features/clusters/cluster-detail-page.tsx')).ClusterDetailPage }),
          },
          {
            path: 'quotas',
            lazy: async () => ({ Component: (await import('../features/quotas/quotas-page.tsx')).QuotasPage }),
          },
          {
            path: 'audit',
            lazy: async () => ({ Component: (await import('../features/audit/audit-page.tsx')).AuditPage }),
          },
          {
            path: 'accounts',
            lazy: async () => ({ Component: (await import('../features/accounts/accounts-page.tsx')).AccountsPage }),
          },
          {
            path: '*',
            lazy: async () => ({ Component: (await import('../shared/ui/not-found-page.tsx')).NotFoundPage }),
          },
        ],
      },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
