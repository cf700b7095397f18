import type { Cluster } from '../../../contract/clusters.ts';

/**
 * The job behind the cluster's current (or last) state. `status.jobID` names it ("ID of the task
 * associated with the current cluster status"); the create response also carries it as the
 * `jobid` annotation, so that is the fallback when a response leaves `jobID` out.
 */
export function clusterJobId(cluster: Cluster): string | undefined {
  const annotations = cluster.metadata.annotations as Record<string, string> | null | undefined;
  return cluster.status?.jobID || annotations?.jobid || undefined;
}
