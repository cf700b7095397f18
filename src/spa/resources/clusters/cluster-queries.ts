import { listClusters, showCluster, showClusterEndpoints, type ClusterList, type ListClustersQuery } from '../../../contract/clusters.ts';
import { operationKeyPrefix, operationQuery } from '../../shared/api/operation-query.ts';
import { pollWhile } from '../../shared/api/polling.ts';
import { clusterInMotion } from './cluster-status.tsx';

/** Poll while any cluster is moving on its own; an idle console sends nothing. */
export function listInMotion(list: ClusterList): boolean {
  return (list.items ?? []).some(clusterInMotion);
}

export const clusterQueries = {
  /** Everything read about clusters: what a change to a cluster makes stale. */
  all: () => [listClusters.resource] as const,
  /** Every cluster list, whatever its filters. */
  lists: () => operationKeyPrefix(listClusters),
  list: (query: ListClustersQuery = {}) => operationQuery(listClusters, { params: {}, query }, { refetchInterval: pollWhile(listInMotion) }),
  detail: (clusterId: string) => operationQuery(showCluster, { params: { cluster_id: clusterId } }, { refetchInterval: pollWhile(clusterInMotion) }),
  /** The API server's addresses (private, public EIP). */
  endpoints: (clusterId: string) => operationQuery(showClusterEndpoints, { params: { cluster_id: clusterId } }),
};
