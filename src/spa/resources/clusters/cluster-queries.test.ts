import { describe, expect, it } from 'vitest';
import { CLUSTER_PHASES, clusterListSchema, TRANSITIONAL_CLUSTER_PHASES, type ClusterList } from '../../../contract/clusters.ts';
import { ApiError } from '../../shared/api/api-error.ts';
import { pollIntervalMs } from '../../shared/api/polling.ts';
import { clusterQueries, listInMotion } from './cluster-queries.ts';
import { CLUSTER_PHASE_STATUS } from './cluster-status.tsx';

/** A list as `ListAutopilotClusters` returns it, one cluster per phase (only the phases matter here). */
const list = (...phases: string[]): ClusterList =>
  clusterListSchema.parse({
    kind: 'Cluster',
    apiVersion: 'v3',
    items: phases.map((phase, i) => ({
      kind: 'Cluster',
      apiVersion: 'v3',
      metadata: { name: `c-${i}`, uid: `uid-${i}` },
      spec: { category: 'Turbo', type: 'VirtualMachine', flavor: 'cce.autopilot.cluster', version: 'v1.28' },
      status: { phase },
    })),
  });

/** What the list query's `refetchInterval` answers for a query holding this data (or failure). */
function listInterval(data: ClusterList | undefined, error: unknown = null) {
  const interval = clusterQueries.list().refetchInterval;
  if (typeof interval !== 'function') throw new Error('refetchInterval must be computed from the data');
  return interval({ state: { data, error } } as unknown as Parameters<typeof interval>[0]);
}

describe('cluster list polling', () => {
  it('polls every 5 s while any cluster is in a transitional phase', () => {
    expect(pollIntervalMs('settling')).toBe(5000);
    for (const phase of TRANSITIONAL_CLUSTER_PHASES) {
      expect(listInterval(list('Available', phase, 'Error')), phase).toBe(5000);
      expect(CLUSTER_PHASE_STATUS[phase]).toEqual({ tone: 'moving', inMotion: true });
    }
  });

  it('stops once every cluster has settled, and does not poll an empty or missing list', () => {
    const settled = CLUSTER_PHASES.filter((p) => !(TRANSITIONAL_CLUSTER_PHASES as readonly string[]).includes(p));
    expect(settled).toEqual(expect.arrayContaining(['Available', 'Error', 'Hibernation', 'Frozen', 'Unavailable', 'ResizeFailed']));
    expect(listInterval(list(...settled))).toBe(false);
    expect(listInterval(list())).toBe(false);
    expect(listInterval(undefined)).toBe(false);
    // A phase the console does not know is not assumed to be moving.
    expect(listInMotion(list('Teleporting'))).toBe(false);
  });

  it('stops on a refusal (the answer will not change) but not on a failure a retry can fix', () => {
    const moving = list('Creating');
    expect(listInterval(moving, new ApiError({ status: 404, code: 'CCE.01404001', message: 'gone' }))).toBe(false);
    expect(listInterval(moving, new ApiError({ status: 502, code: 'BFF.UPSTREAM_UNAVAILABLE', message: 'down' }))).toBe(5000);
  });

  it('keys every query by the operation, general to specific, with the project filled in at call time', () => {
    expect(clusterQueries.list().queryKey).toEqual(['clusters', 'ListAutopilotClusters', {}, {}]);
    expect(clusterQueries.list({ status: 'Available' }).queryKey).toEqual(['clusters', 'ListAutopilotClusters', {}, { status: 'Available' }]);
    expect(clusterQueries.detail('c1').queryKey).toEqual(['clusters', 'ShowAutopilotCluster', { cluster_id: 'c1' }, {}]);
    expect(clusterQueries.detail('c1').queryKey.slice(0, 1)).toEqual(clusterQueries.all());
  });
});
