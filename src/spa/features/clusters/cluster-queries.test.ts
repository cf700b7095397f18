import { describe, expect, it } from 'vitest';
import { CLUSTER_PHASES, clusterListSchema, TRANSITIONAL_CLUSTER_PHASES, type ClusterList } from '../../../contract/clusters.ts';
import { cceClusterList } from '../../shared/test/fake-bff.ts';
import { CLUSTER_POLL_INTERVAL_MS, clusterListRefetchInterval, clusterQueries } from './cluster-queries.ts';

const list = (...phases: string[]): ClusterList => clusterListSchema.parse(cceClusterList(phases.map((phase, i) => ({ name: `c-${i}`, phase }))));

describe('cluster list polling', () => {
  it('polls every 5 s while any cluster is in a transitional phase', () => {
    expect(CLUSTER_POLL_INTERVAL_MS).toBe(5000);
    for (const phase of TRANSITIONAL_CLUSTER_PHASES) {
      expect(clusterListRefetchInterval(list('Available', phase, 'Error')), phase).toBe(5000);
    }
  });

  it('stops once every cluster has settled, and does not poll an empty or missing list', () => {
    const settled = CLUSTER_PHASES.filter((p) => !(TRANSITIONAL_CLUSTER_PHASES as readonly string[]).includes(p));
    expect(settled).toEqual(expect.arrayContaining(['Available', 'Error', 'Hibernation', 'Frozen', 'Unavailable', 'ResizeFailed']));
    expect(clusterListRefetchInterval(list(...settled))).toBe(false);
    expect(clusterListRefetchInterval(list())).toBe(false);
    expect(clusterListRefetchInterval(undefined)).toBe(false);
    // A phase the console does not know is not assumed to be moving.
    expect(clusterListRefetchInterval(list('Teleporting'))).toBe(false);
  });

  it('is what the list query uses, read from the data it holds', () => {
    const options = clusterQueries.list({ projectId: 'p1' });
    expect(options.queryKey).toEqual(['clusters', 'list', { projectId: 'p1' }]);
    const interval = options.refetchInterval;
    if (typeof interval !== 'function') throw new Error('refetchInterval must be computed from the data');
    type ListQuery = Parameters<typeof interval>[0];
    const queryHolding = (data: ClusterList) => ({ state: { data } }) as unknown as ListQuery;
    expect(interval(queryHolding(list('Creating')))).toBe(5000);
    expect(interval(queryHolding(list('Available')))).toBe(false);
  });
});
