import { useQueries, useQuery } from '@tanstack/react-query';
import type { Chart } from '../../../contract/charts.ts';
import type { Release } from '../../../contract/releases.ts';
import { clusterQueries } from '../../resources/clusters/cluster-queries.ts';
import { releaseQueries } from '../../resources/releases/release-queries.ts';

export interface ChartUse {
  clusterId: string;
  clusterName: string;
  release: Release;
}

/**
 * The releases of every cluster, grouped by the chart they run. A release names its chart by name and
 * version only (there is no chart ID in ReleaseResp, digest §2.2), so that is the key. `complete` is
 * false while a cluster's list is still loading or could not be read, so a count is never shown as
 * final when it may not be.
 */
export function useChartUsage(): { usesOf: (chart: Pick<Chart, 'name' | 'version'>) => ChartUse[]; complete: boolean } {
  const clusters = useQuery(clusterQueries.list());
  const items = clusters.data?.items ?? [];
  const lists = useQueries({ queries: items.map((c) => ({ ...releaseQueries.list(c.metadata?.uid ?? ''), enabled: Boolean(c.metadata?.uid) })) });
  const uses = new Map<string, ChartUse[]>();
  lists.forEach((list, index) => {
    const cluster = items[index]!;
    for (const release of list.data ?? []) {
      const key = `${release.chart_name ?? ''}@${release.chart_version ?? ''}`;
      uses.set(key, [...(uses.get(key) ?? []), { clusterId: cluster.metadata?.uid ?? '', clusterName: cluster.metadata?.name ?? '', release }]);
    }
  });
  const complete = clusters.isSuccess && lists.every((l) => l.isSuccess);
  return { usesOf: (chart) => uses.get(`${chart.name ?? ''}@${chart.version ?? ''}`) ?? [], complete };
}
