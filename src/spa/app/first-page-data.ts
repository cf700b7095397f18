import type { QueryClient } from '@tanstack/react-query';
import { contextQueries } from '../shared/api/console-context.ts';
import { sessionQueries } from '../shared/auth/session.ts';
import { clusterQueries } from '../resources/clusters/cluster-queries.ts';
import { upgradePathQueries } from '../resources/upgrade-paths/upgrade-path-queries.ts';

/** Where the console opens on the cluster list (see router.tsx). */
const CLUSTER_LIST_PATHS = new Set(['/', '/clusters', '/clusters/']);

/**
 * Starts everything the first page needs before the first render, so no request waits for another
 * round. index.html preloads `/api/session` and `/api/context` while the JavaScript loads (the
 * fetches here reuse those answers: same URL, same-origin mode and credentials); the cluster list and
 * the upgrade paths, which need the project id and a session, go out together the moment both are in.
 * Signed out (session null) nothing more is fetched: the shell shows the sign-in page.
 */
export function prefetchFirstPage(client: QueryClient, pathname: string): void {
  const session = client.fetchQuery(sessionQueries.current());
  const context = client.fetchQuery(contextQueries.current());
  void Promise.all([session, context])
    .then(([signedIn]) => {
      if (!signedIn || !CLUSTER_LIST_PATHS.has(pathname)) return;
      void client.prefetchQuery(clusterQueries.list());
      void client.prefetchQuery(upgradePathQueries.all());
    })
    .catch(() => {
      // The shell's own queries meet the same failure and show it where the page would be.
    });
}
