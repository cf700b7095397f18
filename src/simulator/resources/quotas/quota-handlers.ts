import type { HandlersOf } from '../../handler.ts';
import { jsonResponse } from '../../http.ts';
import type { SimulatorStore } from '../../store.ts';

/**
 * OP10 — the cluster quota. Its key is `autopilot_cluster`, as in the reference's example (the table
 * says `cluster`, quirk 13); every cluster that exists counts, including those being created or deleted.
 */
export function showQuotas(store: SimulatorStore): Response {
  return jsonResponse(200, {
    quotas: [
      {
        quotaKey: 'autopilot_cluster',
        quotaLimit: store.settings.clusterQuota,
        used: store.clusters.size,
        unit: 'count',
        regionId: store.settings.region,
      },
    ],
  });
}

export const quotaHandlers: HandlersOf<'showQuotas'> = {
  showQuotas: ({ store }) => showQuotas(store),
};
