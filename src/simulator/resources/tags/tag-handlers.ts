import type { HandlersOf } from '../../handler.ts';
import { cceError, emptyResponse } from '../../http.ts';
import { MAX_TAGS_PER_CLUSTER } from '../../rules.ts';
import type { SimulatorStore } from '../../store.ts';
import { checkTags, requireCluster } from '../clusters/cluster-handlers.ts';

function requireTaggable(store: SimulatorStore, clusterId: string) {
  const cluster = requireCluster(store, clusterId);
  if (cluster.phase === 'Deleting') throw cceError('CCE.01429002', `Cluster ${cluster.name} is being deleted; its tags cannot change.`);
  return cluster;
}

/**
 * OP11 — idempotent merge by key: same key and value is a no-op, same key with a new value
 * overwrites. More than 20 tags on the cluster afterwards is refused as a whole (nothing is applied).
 */
export function batchCreateClusterTags(store: SimulatorStore, now: number, clusterId: string, tags: readonly { key?: string; value?: string }[]): Response {
  const cluster = requireTaggable(store, clusterId);
  if (tags.length === 0) throw cceError('CCE.01400001', 'tags: list at least one tag.');
  const incoming = checkTags(tags, 'tags');
  const merged = cluster.tags.map((t) => ({ ...t }));
  for (const tag of incoming) {
    const existing = merged.find((t) => t.key === tag.key);
    if (existing) existing.value = tag.value;
    else merged.push(tag);
  }
  if (merged.length > MAX_TAGS_PER_CLUSTER) {
    throw cceError(
      'CCE.01400001',
      `tags: cluster ${cluster.name} has ${cluster.tags.length} tags; adding these would make ${merged.length}, more than the ${MAX_TAGS_PER_CLUSTER} allowed.`,
    );
  }
  cluster.tags = merged;
  cluster.updatedAt = now;
  return emptyResponse(204);
}

/** OP12 — idempotent: keys that do not exist are ignored. */
export function batchDeleteClusterTags(store: SimulatorStore, now: number, clusterId: string, tags: readonly { key?: string }[]): Response {
  const cluster = requireTaggable(store, clusterId);
  if (tags.length === 0) throw cceError('CCE.01400001', 'tags: list at least one tag key.');
  const keys = new Set<string>();
  tags.forEach((t, i) => {
    if (!t.key) throw cceError('CCE.01400001', `tags[${i}].key: must not be empty.`);
    keys.add(t.key);
  });
  cluster.tags = cluster.tags.filter((t) => !keys.has(t.key));
  cluster.updatedAt = now;
  return emptyResponse(204);
}

export const tagHandlers: HandlersOf<'batchCreateClusterTags' | 'batchDeleteClusterTags'> = {
  batchCreateClusterTags: ({ params, body, store, now }) => batchCreateClusterTags(store, now, params.cluster_id, body.tags),
  batchDeleteClusterTags: ({ params, body, store, now }) => batchDeleteClusterTags(store, now, params.cluster_id, body.tags),
};
