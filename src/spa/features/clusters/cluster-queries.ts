import { queryOptions } from '@tanstack/react-query';
import { isTransitionalClusterPhase, listClusters, type ClusterList, type ListClustersQuery } from '../../../contract/clusters.ts';
import { callOperation } from '../../shared/api/api-client.ts';

/** How often a list with a cluster in motion (Creating, Upgrading, Deleting, …) is fetched again. */
export const CLUSTER_POLL_INTERVAL_MS = 5_000;

export interface ClusterListInput {
  projectId: string;
  /** The list's own filters (status, type, version, detail); none yet on the page. */
  query?: ListClustersQuery;
}

/**
 * Poll while any cluster is moving on its own and stop once all have settled, so an idle console
 * sends nothing. `false` also covers "no data yet": the first fetch is not a poll.
 */
export function clusterListRefetchInterval(data: ClusterList | undefined): number | false {
  return (data?.items ?? []).some((cluster) => isTransitionalClusterPhase(cluster.status?.phase)) ? CLUSTER_POLL_INTERVAL_MS : false;
}

export const clusterQueries = {
  all: () => ['clusters'] as const,
  lists: () => [...clusterQueries.all(), 'list'] as const,
  list: (input: ClusterListInput) =>
    queryOptions({
      queryKey: [...clusterQueries.lists(), input] as const,
      queryFn: ({ signal }) => callOperation(listClusters, { params: { project_id: input.projectId }, query: input.query ?? {}, signal }),
      refetchInterval: (query) => clusterListRefetchInterval(query.state.data),
    }),
};
