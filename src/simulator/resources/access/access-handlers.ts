import type { HandlersOf } from '../../handler.ts';
import { cceError, emptyResponse, jsonResponse } from '../../http.ts';
import { maxCertificateDays } from '../../rules.ts';
import type { SimulatorStore } from '../../store.ts';
import { requireAvailable, requireCluster } from '../clusters/cluster-handlers.ts';
import { PHASES_WITH_API_SERVER } from '../clusters/cluster-model.ts';
import { renderAccessAddress, renderEipBound, renderKubeconfig } from './access-render.ts';

/**
 * OP6 — a kubeconfig valid for `duration` days (1 to the five-year maximum, or -1 for that maximum),
 * plus the master's `Port-ID` header. The maximum is 1826 or 1827 days depending on the leap days in
 * the next five years, exactly as the reference describes.
 */
export function createClusterCert(store: SimulatorStore, now: number, clusterId: string, duration: number): Response {
  const cluster = requireCluster(store, clusterId);
  if (!PHASES_WITH_API_SERVER.has(cluster.phase)) {
    throw cceError('CCE.01400001', `Cluster ${cluster.name} is ${cluster.phase}; its API server is not running, so no certificate can be issued.`);
  }
  const max = maxCertificateDays(now);
  if (!Number.isInteger(duration) || (duration !== -1 && (duration < 1 || duration > max))) {
    throw cceError('CCE.01400001', `duration: must be a whole number of days from 1 to ${max} (five years from today), or -1 for five years.`);
  }
  const days = duration === -1 ? max : duration;
  return jsonResponse(200, renderKubeconfig(store, cluster, now, days), { 'Port-ID': cluster.portId });
}

export interface MasterEipInput {
  action: 'bind' | 'unbind';
  eipId?: string;
}

/**
 * OP8 — bind: the EIP must exist and be free; the cluster gains an `External` endpoint, a public
 * access address and the `external` kubeconfig context. Unbind: 200 with no body (quirk 5). The
 * reference names no error for binding twice or unbinding nothing (§9.17); the simulator answers
 * 409 `CCE.01409001` and 404 `CCE.01404001`, the documented codes for "already exists" and "not found".
 */
export function updateClusterEip(store: SimulatorStore, now: number, clusterId: string, input: MasterEipInput): Response {
  const cluster = requireCluster(store, clusterId);
  requireAvailable(cluster, input.action === 'bind' ? 'binding a public API server address' : 'unbinding the public API server address');
  if (input.action === 'unbind') {
    const eip = cluster.eipId ? store.eips.get(cluster.eipId) : undefined;
    if (!eip) throw cceError('CCE.01404001', `Cluster ${cluster.name} has no public API server address to unbind.`);
    eip.boundTo = undefined;
    cluster.eipId = undefined;
    cluster.updatedAt = now;
    return emptyResponse(200);
  }
  if (!input.eipId) throw cceError('CCE.01400001', 'spec.spec.id: the EIP id is mandatory for binding.');
  if (cluster.eipId) {
    const current = store.eips.get(cluster.eipId);
    throw cceError('CCE.01409001', `Cluster ${cluster.name} already has public address ${current?.address ?? cluster.eipId}; unbind it first.`);
  }
  const eip = store.eips.get(input.eipId);
  if (!eip) throw cceError('CCE.01404001', `spec.spec.id: EIP ${input.eipId} does not exist in project ${store.settings.projectId}.`);
  if (eip.boundTo) {
    const owner = store.clusters.get(eip.boundTo);
    throw cceError('CCE.01409001', `spec.spec.id: EIP ${eip.address} is already bound to cluster ${owner?.name ?? eip.boundTo}.`);
  }
  eip.boundTo = cluster.uid;
  cluster.eipId = eip.id;
  cluster.updatedAt = now;
  return jsonResponse(200, renderEipBound(cluster, eip));
}

/** OP9 — the private address always; the public one is "" when no EIP is bound. */
export function showClusterEndpoints(store: SimulatorStore, clusterId: string): Response {
  const cluster = requireCluster(store, clusterId);
  return jsonResponse(200, renderAccessAddress(store, cluster));
}

/** Access to a cluster's API server (OP6, OP8, OP9). */
export const accessHandlers: HandlersOf<'createClusterCert' | 'updateClusterEip' | 'showClusterEndpoints'> = {
  createClusterCert: ({ params, body, store, now }) => createClusterCert(store, now, params.cluster_id, body.duration),
  updateClusterEip: ({ params, body, store, now }) => updateClusterEip(store, now, params.cluster_id, { action: body.spec.action, eipId: body.spec.spec?.id }),
  showClusterEndpoints: ({ params, store }) => showClusterEndpoints(store, params.cluster_id),
};
