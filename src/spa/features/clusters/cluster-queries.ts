import { queryOptions } from '@tanstack/react-query';
import { isTransitionalClusterPhase, listClusters, showCluster, showJob, type Cluster, type ClusterList, type ListClustersQuery } from '../../../contract/clusters.ts';
import { isJobFinished, type Job } from '../../../contract/jobs.ts';
import { listUpgradePaths } from '../../../contract/upgrade-paths.ts';
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
  detail: (input: { projectId: string; clusterId: string }) =>
    queryOptions({
      queryKey: [...clusterQueries.all(), 'detail', input] as const,
      queryFn: ({ signal }) => callOperation(showCluster, { params: { project_id: input.projectId, cluster_id: input.clusterId }, signal }),
      refetchInterval: (query) => clusterRefetchInterval(query.state.data),
    }),
  /** A creation or deletion job with its sub-jobs; polled until it finishes. */
  job: (input: { projectId: string; jobId: string }) =>
    queryOptions({
      queryKey: ['jobs', 'detail', input] as const,
      queryFn: ({ signal }) => callOperation(showJob, { params: { project_id: input.projectId, job_id: input.jobId }, signal }),
      refetchInterval: (query) => jobRefetchInterval(query.state.data),
    }),
  /** The global upgrade paths (which versions each version can move to); they change with CCE releases only. */
  upgradePaths: () =>
    queryOptions({
      queryKey: ['upgrade-paths'] as const,
      queryFn: ({ signal }) => callOperation(listUpgradePaths, { params: {}, signal }),
      staleTime: 10 * 60_000,
    }),
};

export function clusterRefetchInterval(cluster: Cluster | undefined): number | false {
  return cluster && isTransitionalClusterPhase(cluster.status?.phase) ? CLUSTER_POLL_INTERVAL_MS : false;
}

/** Jobs move faster than the list is polled: every 2 s until Success or Failed. */
export function jobRefetchInterval(job: Job | undefined): number | false {
  return job && isJobFinished(job.status?.phase) ? false : 2_000;
}
