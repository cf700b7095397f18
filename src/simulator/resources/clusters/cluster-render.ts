import type { EipRecord } from '../network/network-model.ts';
import type { SimulatorStore } from '../../store.ts';
import { formatCceTimestamp } from '../../time.ts';
import type { ClusterRecord } from './cluster-model.ts';

/** The API server listens on 5443 in every example of the reference. */
export const API_SERVER_PORT = 5443;

/** Which operation a cluster object is rendered for: some fields appear only in one response (§2). */
export type ClusterView = 'create' | 'read' | 'delete';

export function internalEndpoint(cluster: ClusterRecord, region: string): string {
  return `https://${cluster.uid}.cluster.cce.${region}.myhuaweicloud.com:${API_SERVER_PORT}`;
}

export function privateEndpoint(cluster: ClusterRecord): string {
  return `https://${cluster.privateIp}:${API_SERVER_PORT}`;
}

export function publicEndpoint(eip: EipRecord | undefined): string {
  return eip ? `https://${eip.address}:${API_SERVER_PORT}` : '';
}

/** The EIP bound to the cluster as its public API-server address, if any. */
export function boundEip(store: SimulatorStore, cluster: ClusterRecord): EipRecord | undefined {
  return cluster.eipId ? store.eips.get(cluster.eipId) : undefined;
}

/** The cluster as the API returns it. Fields are omitted, never null, when they do not apply (as in the examples). */
export function renderCluster(
  store: SimulatorStore,
  cluster: ClusterRecord,
  view: ClusterView,
  extra: { deleteStatus?: Record<string, number>; createAnnotations?: Record<string, string> } = {},
) {
  const created = formatCceTimestamp(cluster.createdAt, `${cluster.uid}:created`);
  const updated = formatCceTimestamp(cluster.updatedAt, `${cluster.uid}:updated:${cluster.updatedAt}`);
  const eip = boundEip(store, cluster);
  // No endpoint exists before the master is installed.
  const hasMaster = cluster.phase !== 'Creating' && cluster.phase !== 'Empty';
  const endpoints = hasMaster
    ? [{ url: internalEndpoint(cluster, store.settings.region), type: 'Internal' }, ...(eip ? [{ url: publicEndpoint(eip), type: 'External' }] : [])]
    : undefined;
  const showAlias = view !== 'create' || cluster.aliasConfigured;
  return {
    kind: 'Cluster',
    apiVersion: 'v3',
    metadata: {
      name: cluster.name,
      uid: cluster.uid,
      ...(showAlias ? { alias: cluster.alias } : {}),
      annotations: { ...cluster.annotations, ...extra.createAnnotations },
      labels: { ...cluster.labels },
      creationTimestamp: created,
      updateTimestamp: updated,
    },
    spec: {
      category: 'Turbo',
      type: 'VirtualMachine',
      flavor: 'cce.autopilot.cluster',
      version: cluster.version,
      platformVersion: cluster.platformVersion,
      ...(cluster.description ? { description: cluster.description } : {}),
      hostNetwork: { vpc: cluster.vpcId, subnet: cluster.hostSubnetId },
      containerNetwork: { mode: 'eni' },
      eniNetwork: { subnets: cluster.eniSubnetIds.map((subnetID) => ({ subnetID })) },
      serviceNetwork: { IPv4CIDR: cluster.serviceCidr },
      authentication: { mode: 'rbac' },
      billingMode: 0,
      // The tables' spelling; the examples print `kubernetesSvclpRange`, a PDF I→l artefact (quirk 8).
      kubernetesSvcIpRange: cluster.serviceCidr,
      kubeProxyMode: 'iptables',
      // "This field is returned only for a query" — absent from the create response.
      ...(view === 'create' ? {} : { az: cluster.az }),
      extendParam: { enterpriseProjectId: cluster.enterpriseProjectId, upgradefrom: cluster.upgradeFrom },
      ...(cluster.tags.length > 0 ? { clusterTags: cluster.tags.map((t) => ({ ...t })) } : {}),
      // "Used and returned only by the Autopilot cluster creation API."
      ...(view === 'create' ? { enableSnat: cluster.enableSnat, enableSWRImageAccess: cluster.enableSWRImageAccess } : {}),
      enableAutopilot: true,
    },
    status: {
      phase: cluster.phase,
      ...(cluster.jobId ? { jobID: cluster.jobId } : {}),
      ...(cluster.phase !== 'Available' && cluster.reason ? { reason: cluster.reason } : {}),
      ...(cluster.phase !== 'Available' && cluster.message ? { message: cluster.message } : {}),
      ...(endpoints ? { endpoints } : {}),
      ...(cluster.isLocked !== undefined
        ? { isLocked: cluster.isLocked, lockScene: cluster.lockScene ?? '', lockSource: cluster.lockSource ?? '', lockSourceId: cluster.lockSourceId ?? '' }
        : {}),
      ...(view === 'delete' && cluster.deleteOption ? { deleteOption: { ...cluster.deleteOption } } : {}),
      ...(view === 'delete' && extra.deleteStatus ? { deleteStatus: extra.deleteStatus } : {}),
    },
  };
}
