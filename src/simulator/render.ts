import type { ClusterRecord, EipRecord } from './model.ts';
import type { SimulatorStore } from './store.ts';
import { formatCceTimestamp, hashString } from './time.ts';

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

function boundEip(store: SimulatorStore, cluster: ClusterRecord): EipRecord | undefined {
  return cluster.eipId ? store.eips.get(cluster.eipId) : undefined;
}

/** The cluster as the API returns it. Fields are omitted, never null, when they do not apply (as in the examples). */
export function renderCluster(store: SimulatorStore, cluster: ClusterRecord, view: ClusterView, extra: { deleteStatus?: Record<string, number>; createAnnotations?: Record<string, string> } = {}) {
  const created = formatCceTimestamp(cluster.createdAt, `${cluster.uid}:created`);
  const updated = formatCceTimestamp(cluster.updatedAt, `${cluster.uid}:updated:${cluster.updatedAt}`);
  const eip = boundEip(store, cluster);
  // No endpoint exists before the master is installed.
  const hasMaster = cluster.phase !== 'Creating' && cluster.phase !== 'Empty';
  const endpoints = hasMaster
    ? [
        { url: internalEndpoint(cluster, store.settings.region), type: 'Internal' },
        ...(eip ? [{ url: publicEndpoint(eip), type: 'External' }] : []),
      ]
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

export function renderAccessAddress(store: SimulatorStore, cluster: ClusterRecord) {
  const eip = boundEip(store, cluster);
  return {
    metadata: {},
    spec: { spec: { eip: { bandwidth: eip ? { size: eip.bandwidthSize, sharetype: eip.shareType } : {} }, isDynamic: false } },
    // "when no EIP is bound, publicEndpoint is the empty string" (OP9 example).
    status: { privateEndpoint: privateEndpoint(cluster), publicEndpoint: publicEndpoint(eip) },
  };
}

export function renderEipBound(cluster: ClusterRecord, eip: EipRecord) {
  return {
    metadata: {},
    spec: {
      action: 'bind',
      spec: { id: eip.id, eip: { bandwidth: { size: eip.bandwidthSize, sharetype: eip.shareType } }, isDynamic: false },
      elasticIp: eip.address,
    },
    status: { privateEndpoint: privateEndpoint(cluster), publicEndpoint: publicEndpoint(eip) },
  };
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * A PEM-looking block (not a real certificate: nothing verifies it) whose bytes change with `seed`,
 * so every issued kubeconfig carries different credentials, like the real service.
 */
function fakePem(label: string, seed: string, lines: number): string {
  const body: string[] = [];
  for (let l = 0; l < lines; l++) {
    let line = '';
    for (let i = 0; i < 64; i++) line += B64[hashString(`${seed}:${l}:${i}`) % 64];
    body.push(line);
  }
  return `-----BEGIN ${label}-----\n${body.join('\n')}\n-----END ${label}-----\n`;
}

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/**
 * The kubeconfig of OP6. Without a public EIP: one cluster `internalCluster`, one context `internal`.
 * With one: `externalCluster` (with `insecure-skip-tls-verify: true`, as the reference says) and the
 * `external` context are added and become current; the internal entries stay (reference §4.6 [INF]).
 */
export function renderKubeconfig(store: SimulatorStore, cluster: ClusterRecord, issuedAt: number, durationDays: number) {
  const eip = boundEip(store, cluster);
  const seed = `${cluster.uid}:${issuedAt}:${durationDays}`;
  const ca = base64(fakePem('CERTIFICATE', `${cluster.uid}:ca`, 18));
  const clusters: { name: string; cluster: Record<string, unknown> }[] = [
    { name: 'internalCluster', cluster: { server: privateEndpoint(cluster), 'certificate-authority-data': ca } },
  ];
  const contexts = [{ name: 'internal', context: { cluster: 'internalCluster', user: 'user' } }];
  if (eip) {
    clusters.push({ name: 'externalCluster', cluster: { server: publicEndpoint(eip), 'insecure-skip-tls-verify': true } });
    contexts.push({ name: 'external', context: { cluster: 'externalCluster', user: 'user' } });
  }
  return {
    kind: 'Config',
    apiVersion: 'v1',
    preferences: {},
    clusters,
    users: [
      {
        name: 'user',
        user: {
          'client-certificate-data': base64(fakePem('CERTIFICATE', `${seed}:crt`, 16)),
          'client-key-data': base64(fakePem('RSA PRIVATE KEY', `${seed}:key`, 25)),
        },
      },
    ],
    contexts,
    'current-context': eip ? 'external' : 'internal',
  };
}
