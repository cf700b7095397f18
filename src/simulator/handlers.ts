import type { OperationName, Operations } from '../contract/operations.ts';
import type { DeleteMode, DeletePlanOptions } from './resources/clusters/cluster-jobs.ts';
import type { Handler } from './handler.ts';
import { addonHandlers } from './resources/addons/handlers.ts';
import { chartHandlers } from './resources/charts/handlers.ts';
import { releaseHandlers } from './resources/releases/handlers.ts';
import { upgradeHandlers } from './resources/upgrades/handlers.ts';
import { createClusterCert, showClusterEndpoints, updateClusterEip } from './handlers/access.ts';
import { createCluster, deleteCluster, listClusters, showCluster, updateCluster } from './handlers/clusters.ts';
import { batchCreateClusterTags, batchDeleteClusterTags, showJob, showQuotas } from './handlers/project.ts';

/** `true`/`false` are documented synonyms of `block`/`skip` (reference §4.5). */
function mode(value: string | undefined, fallback: DeleteMode): DeleteMode {
  if (value === undefined) return fallback;
  if (value === 'true') return 'block';
  if (value === 'false') return 'skip';
  return value as DeleteMode;
}

/**
 * One handler per contract operation. `satisfies` makes the compiler reject this map when an
 * operation of the registry has no handler (or a handler names no operation), so the simulator can
 * never silently miss part of the API.
 */
export const handlers = {
  createCluster: ({ body, store, now }) => {
    const { metadata, spec } = body;
    return createCluster(store, now, {
      kind: body.kind,
      apiVersion: body.apiVersion,
      name: metadata.name,
      alias: metadata.alias,
      annotations: metadata.annotations,
      labels: metadata.labels,
      description: spec.description,
      category: spec.category,
      type: spec.type,
      flavor: spec.flavor,
      version: spec.version,
      vpc: spec.hostNetwork.vpc,
      subnet: spec.hostNetwork.subnet,
      containerNetworkMode: spec.containerNetwork.mode,
      eniSubnetIds: spec.eniNetwork?.subnets.map((s) => s.subnetID),
      serviceCidr: spec.serviceNetwork?.IPv4CIDR,
      kubernetesSvcIpRange: spec.kubernetesSvcIpRange,
      billingMode: spec.billingMode,
      kubeProxyMode: spec.kubeProxyMode,
      authenticationMode: spec.authentication?.mode,
      customSan: spec.customSan,
      ipv6enable: spec.ipv6enable,
      configurationsOverride: spec.configurationsOverride,
      enterpriseProjectId: spec.extendParam?.enterpriseProjectId,
      enableSnat: spec.enableSnat,
      enableSWRImageAccess: spec.enableSWRImageAccess,
      tags: spec.clusterTags,
    });
  },
  listClusters: ({ query, store }) => listClusters(store, query),
  showCluster: ({ params, store }) => showCluster(store, params.cluster_id),
  updateCluster: ({ params, body, store, now }) =>
    updateCluster(store, now, params.cluster_id, {
      description: body.spec.description,
      customSan: body.spec.customSan,
      eniSubnetIds: body.spec.eniNetwork?.subnets?.map((s) => s.subnetID),
      alias: body.metadata?.alias,
    }),
  deleteCluster: ({ params, query, store, now }) => {
    const options: DeletePlanOptions = {
      delete_efs: mode(query.delete_efs, 'skip'),
      delete_eni: mode(query.delete_eni, 'block'),
      delete_net: mode(query.delete_net, 'block'),
      delete_obs: mode(query.delete_obs, 'skip'),
      delete_sfs30: mode(query.delete_sfs30, 'skip'),
      lts_reclaim_policy: query.lts_reclaim_policy ?? 'Delete_Master_Log_Stream',
    };
    return deleteCluster(store, now, params.cluster_id, options);
  },
  createClusterCert: ({ params, body, store, now }) => createClusterCert(store, now, params.cluster_id, body.duration),
  showJob: ({ params, store, now }) => showJob(store, now, params.job_id),
  updateClusterEip: ({ params, body, store, now }) =>
    updateClusterEip(store, now, params.cluster_id, { action: body.spec.action, eipId: body.spec.spec?.id }),
  showClusterEndpoints: ({ params, store }) => showClusterEndpoints(store, params.cluster_id),
  showQuotas: ({ store }) => showQuotas(store),
  batchCreateClusterTags: ({ params, body, store, now }) => batchCreateClusterTags(store, now, params.cluster_id, body.tags),
  batchDeleteClusterTags: ({ params, body, store, now }) => batchDeleteClusterTags(store, now, params.cluster_id, body.tags),
  ...addonHandlers,
  ...upgradeHandlers,
  ...chartHandlers,
  ...releaseHandlers,
} satisfies { [K in OperationName]: Handler<Operations[K]> };
