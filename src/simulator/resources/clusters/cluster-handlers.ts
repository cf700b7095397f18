import type { HandlersOf } from '../../handler.ts';
import { cceError, jsonResponse } from '../../http.ts';
import { seededUuidV4 } from '../../ids.ts';
import type { SubnetRecord, VpcRecord } from '../network/network-model.ts';
import { startCreateJob, startDeleteJob, type DeleteMode, type DeletePlanOptions } from './cluster-jobs.ts';
import { PHASES_DELETABLE, PHASES_IN_MOTION, type ClusterRecord, type ClusterTag } from './cluster-model.ts';
import { renderCluster } from './cluster-render.ts';
import {
  CLUSTER_NAME_PATTERN,
  DESCRIPTION_FORBIDDEN,
  DESCRIPTION_MAX,
  MAX_TAGS_PER_CLUSTER,
  cidrsOverlap,
  isPrivateCidr,
  parseCidr,
  tagKeyProblem,
  tagValueProblem,
} from '../../rules.ts';
import type { SimulatorStore } from '../../store.ts';
import { hashString } from '../../time.ts';

/** The parts of a create request the service acts on, read from the contract-validated body. */
export interface CreateClusterInput {
  kind: string;
  apiVersion: string;
  name: string;
  alias?: string;
  annotations?: Record<string, string>;
  labels?: Record<string, string>;
  description?: string;
  category?: string;
  type?: string;
  flavor: string;
  version?: string;
  vpc: string;
  subnet: string;
  containerNetworkMode: string;
  eniSubnetIds?: string[];
  serviceCidr?: string;
  kubernetesSvcIpRange?: string;
  billingMode?: number;
  kubeProxyMode?: string;
  authenticationMode?: string;
  customSan?: string[];
  ipv6enable?: boolean;
  configurationsOverride?: unknown[];
  enterpriseProjectId?: string;
  enableSnat?: boolean;
  enableSWRImageAccess?: boolean;
  tags?: { key?: string; value?: string }[];
}

export interface UpdateClusterInput {
  description?: string;
  eniSubnetIds?: string[];
  alias?: string;
  customSan?: string[];
}

export interface ListClustersInput {
  status?: string;
  type?: string;
  version?: string;
  detail?: string;
}

export const ADDON_INSTALL_ANNOTATION = 'cluster.install.addons/install';

function requireCluster(store: SimulatorStore, clusterId: string): ClusterRecord {
  const cluster = store.clusters.get(clusterId);
  if (!cluster) throw cceError('CCE.01404001', `Cluster ${clusterId} does not exist.`);
  return cluster;
}

export { requireCluster };

/** Refuses a change while another job holds the cluster (429) or while it is not Available (400). */
export function requireAvailable(cluster: ClusterRecord, action: string): void {
  if (cluster.isLocked) throw cceError('CCE.01403001', `Cluster ${cluster.name} is locked (${cluster.lockScene || 'CBC'}); ${action} is not allowed.`);
  if (PHASES_IN_MOTION.has(cluster.phase)) {
    throw cceError('CCE.01429002', `Cluster ${cluster.name} is ${cluster.phase}; ${action} is possible once it is Available.`);
  }
  if (cluster.phase !== 'Available') {
    throw cceError('CCE.01400001', `Cluster ${cluster.name} is ${cluster.phase}; ${action} is possible only for Available clusters.`);
  }
}

function fixedValue(actual: string | number | undefined, allowed: readonly (string | number)[], field: string): void {
  if (actual !== undefined && !allowed.includes(actual)) {
    throw cceError('CCE.01400001', `${field}: must be ${allowed.map((a) => JSON.stringify(a)).join(' or ')}, got ${JSON.stringify(actual)}.`);
  }
}

function checkName(value: string, field: string): void {
  if (!CLUSTER_NAME_PATTERN.test(value)) {
    throw cceError(
      'CCE.01400001',
      `${field}: enter 4 to 128 characters starting with a lowercase letter and not ending with a hyphen; only lowercase letters, digits and hyphens are allowed.`,
    );
  }
}

export function checkDescription(value: string | undefined, field = 'spec.description'): void {
  if (value === undefined) return;
  if (value.length > DESCRIPTION_MAX) throw cceError('CCE.01400001', `${field}: must be 0 to ${DESCRIPTION_MAX} characters.`);
  if (DESCRIPTION_FORBIDDEN.test(value)) throw cceError('CCE.01400001', `${field}: must not contain any of ~$%^&*<>[]{}()'"#\\.`);
}

export function checkTags(tags: readonly { key?: string; value?: string }[], field: string): ClusterTag[] {
  if (tags.length > MAX_TAGS_PER_CLUSTER) throw cceError('CCE.01400001', `${field}: a cluster supports at most ${MAX_TAGS_PER_CLUSTER} resource tags.`);
  const seen = new Set<string>();
  return tags.map((t, i) => {
    const key = t.key ?? '';
    const keyProblem = tagKeyProblem(key);
    if (keyProblem) throw cceError('CCE.01400001', `${field}[${i}].key: ${keyProblem}.`);
    const value = t.value ?? '';
    const valueProblem = tagValueProblem(value);
    if (valueProblem) throw cceError('CCE.01400001', `${field}[${i}].value: ${valueProblem}.`);
    if (seen.has(key)) throw cceError('CCE.01400001', `${field}[${i}].key: duplicate key "${key}".`);
    seen.add(key);
    return { key, value };
  });
}

function findVpc(store: SimulatorStore, vpcId: string): VpcRecord {
  const vpc = store.vpcs.get(vpcId);
  if (!vpc) throw cceError('CCE.01400001', `spec.hostNetwork.vpc: VPC ${vpcId} does not exist in project ${store.settings.projectId}.`);
  return vpc;
}

export function eniSubnetsOf(store: SimulatorStore, vpc: VpcRecord, subnetIds: readonly string[], field: string): SubnetRecord[] {
  const seen = new Set<string>();
  return subnetIds.map((id, i) => {
    if (seen.has(id)) throw cceError('CCE.01400001', `${field}[${i}].subnetID: duplicate subnet ${id}.`);
    seen.add(id);
    const subnet = store.findSubnetBySubnetId(vpc, id);
    if (!subnet) throw cceError('CCE.01400002', `${field}[${i}].subnetID: subnet ${id} is not in VPC ${vpc.name} (${vpc.id}).`);
    return subnet;
  });
}

function parseAddonAnnotation(annotations: Record<string, string> | undefined): unknown[] {
  const raw = annotations?.[ADDON_INSTALL_ANNOTATION];
  if (raw === undefined) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw cceError('CCE.01400001', `metadata.annotations["${ADDON_INSTALL_ANNOTATION}"]: must be a JSON-encoded array of add-ons.`);
  }
  if (
    !Array.isArray(parsed) ||
    parsed.some((a) => typeof a !== 'object' || a === null || typeof (a as { addonTemplateName?: unknown }).addonTemplateName !== 'string')
  ) {
    throw cceError('CCE.01400001', `metadata.annotations["${ADDON_INSTALL_ANNOTATION}"]: each entry needs an addonTemplateName.`);
  }
  return parsed;
}

function nextPrivateIp(cidr: string, key: string): string {
  const parsed = parseCidr(cidr);
  if (!parsed) return '192.168.0.10';
  const hostBits = 32 - parsed.prefix;
  const size = hostBits >= 31 ? 2 ** 31 : 2 ** hostBits;
  const offset = 10 + (hashString(key) % Math.max(1, Math.min(size - 12, 240)));
  const ip = (parsed.base + offset) >>> 0;
  return [24, 16, 8, 0].map((s) => (ip >>> s) & 255).join('.');
}

/** OP1 — validates like the service, enforces the quota, then starts the creation job. */
export function createCluster(store: SimulatorStore, now: number, input: CreateClusterInput): Response {
  fixedValue(input.kind, ['Cluster', 'cluster'], 'kind');
  fixedValue(input.apiVersion, ['v3'], 'apiVersion');
  checkName(input.name, 'metadata.name');
  if (input.alias) checkName(input.alias, 'metadata.alias');
  fixedValue(input.flavor, ['cce.autopilot.cluster'], 'spec.flavor');
  fixedValue(input.category, ['Turbo'], 'spec.category');
  fixedValue(input.type, ['VirtualMachine'], 'spec.type');
  fixedValue(input.containerNetworkMode, ['eni'], 'spec.containerNetwork.mode');
  fixedValue(input.billingMode, [0], 'spec.billingMode');
  fixedValue(input.kubeProxyMode, ['iptables'], 'spec.kubeProxyMode');
  fixedValue(input.authenticationMode, ['rbac'], 'spec.authentication.mode');
  checkDescription(input.description);
  // Documented as "not supported by Autopilot clusters"; refusing beats silently ignoring what the caller asked for.
  if (input.customSan && input.customSan.length > 0) throw cceError('CCE.01400001', 'spec.customSan: not supported by Autopilot clusters.');
  if (input.configurationsOverride && input.configurationsOverride.length > 0) {
    throw cceError('CCE.01400001', 'spec.configurationsOverride: not supported by Autopilot clusters.');
  }
  if (input.ipv6enable) throw cceError('CCE.01400003', 'spec.ipv6enable: Autopilot clusters support IPv4 only.');
  if (input.labels && Object.keys(input.labels).length > 0) {
    throw cceError('CCE.01400001', 'metadata.labels: generated by the system; custom values are invalid.');
  }
  const tags = checkTags(input.tags ?? [], 'spec.clusterTags');
  const requestedAddons = parseAddonAnnotation(input.annotations);

  const version = input.version ?? [...store.settings.versions].reverse().find((v) => v.creatable)!.version;
  const versionInfo = store.version(version);
  if (!versionInfo || !versionInfo.creatable) {
    const supported = store.settings.versions.filter((v) => v.creatable).map((v) => v.version);
    throw cceError('CCE.01400015', `spec.version: ${version} cannot be created; supported versions are ${supported.join(', ')}.`);
  }

  const vpc = findVpc(store, input.vpc);
  const hostSubnet = store.findSubnetByNetworkId(vpc, input.subnet);
  if (!hostSubnet) throw cceError('CCE.01400002', `spec.hostNetwork.subnet: subnet ${input.subnet} is not in VPC ${vpc.name} (${vpc.id}).`);
  const eniSubnets = input.eniSubnetIds && input.eniSubnetIds.length > 0 ? eniSubnetsOf(store, vpc, input.eniSubnetIds, 'spec.eniNetwork.subnets') : [];

  if (input.serviceCidr !== undefined && input.kubernetesSvcIpRange !== undefined && input.serviceCidr !== input.kubernetesSvcIpRange) {
    throw cceError('CCE.01400001', 'spec.serviceNetwork.IPv4CIDR and spec.kubernetesSvcIpRange differ; send only serviceNetwork.IPv4CIDR.');
  }
  const serviceCidr = input.serviceCidr ?? input.kubernetesSvcIpRange ?? '10.247.0.0/16';
  const serviceField = input.serviceCidr !== undefined ? 'spec.serviceNetwork.IPv4CIDR' : 'spec.kubernetesSvcIpRange';
  const service = parseCidr(serviceCidr);
  if (!service) throw cceError('CCE.01400001', `${serviceField}: "${serviceCidr}" is not an IPv4 CIDR block such as 10.247.0.0/16.`);
  if (!isPrivateCidr(service) || service.prefix < 12 || service.prefix > 20) {
    throw cceError('CCE.01400001', `${serviceField}: must be a private block (10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16) with a mask of /12 to /20.`);
  }
  const vpcCidr = parseCidr(vpc.cidr);
  if (vpcCidr && cidrsOverlap(service, vpcCidr)) {
    throw cceError('CCE.01400005', `${serviceField}: ${serviceCidr} overlaps VPC ${vpc.name} (${vpc.cidr}).`);
  }

  if (store.findClusterByName(input.name)) throw cceError('CCE.01409001', `metadata.name: a cluster named ${input.name} already exists.`);
  const alias = input.alias || input.name;
  const aliasOwner = store.findClusterByAlias(alias);
  if (aliasOwner) throw cceError('CCE.01409001', `metadata.alias: alias ${alias} is already used by cluster ${aliasOwner.name}.`);
  const quota = store.settings.clusterQuota;
  if (store.clusters.size >= quota) {
    throw cceError('CCE.01400007', `The project has ${store.clusters.size} of ${quota} clusters; submit a service ticket to raise the quota.`);
  }

  const uid = store.newId();
  const cluster: ClusterRecord = {
    uid,
    name: input.name,
    alias,
    aliasConfigured: Boolean(input.alias),
    description: input.description ?? '',
    version: versionInfo.version,
    platformVersion: versionInfo.platformVersion,
    az: `${store.settings.region}a`,
    vpcId: vpc.id,
    hostSubnetId: hostSubnet.networkId,
    eniSubnetIds: eniSubnets.length > 0 ? eniSubnets.map((s) => s.subnetId) : [hostSubnet.subnetId],
    serviceCidr,
    enterpriseProjectId: input.enterpriseProjectId ?? '0',
    enableSnat: input.enableSnat ?? false,
    enableSWRImageAccess: input.enableSWRImageAccess ?? false,
    tags,
    labels: { FeatureGates: 'arpOptimization,elbv3,xGPU' },
    annotations: { enableAutopilot: 'true' },
    requestedAddons,
    createdAt: now,
    updatedAt: now,
    phase: 'Creating',
    privateIp: nextPrivateIp(hostSubnet.cidr, uid),
    portId: seededUuidV4(`${uid}/port`),
    upgradeFrom: '',
  };
  store.addCluster(cluster);
  const job = startCreateJob(store, cluster, eniSubnets.length > 0 ? eniSubnets : [hostSubnet], now);
  const resourceJobId = store.newId();
  return jsonResponse(201, renderCluster(store, cluster, 'create', { createAnnotations: { jobid: job.id, resourceJobId } }));
}

/**
 * OP3 — filters are exact matches on `status.phase`, `spec.type` and `spec.version` (§3 OP3 [INF]).
 * `detail=true` is accepted; the add-on summary it adds to the annotations belongs to the add-on area
 * (a later issue), so until then it changes nothing.
 */
export function listClusters(store: SimulatorStore, input: ListClustersInput): Response {
  const items = [];
  for (const cluster of store.clusters.values()) {
    if (input.status && cluster.phase !== input.status) continue;
    if (input.type && input.type !== 'VirtualMachine') continue;
    if (input.version && cluster.version !== input.version) continue;
    items.push(renderCluster(store, cluster, 'read'));
  }
  return jsonResponse(200, { kind: 'Cluster', apiVersion: 'v3', items });
}

export function showCluster(store: SimulatorStore, clusterId: string): Response {
  return jsonResponse(200, renderCluster(store, requireCluster(store, clusterId), 'read'));
}

/** OP4 — alias, description and ENI subnets of an Available cluster. */
export function updateCluster(store: SimulatorStore, now: number, clusterId: string, input: UpdateClusterInput): Response {
  const cluster = requireCluster(store, clusterId);
  requireAvailable(cluster, 'updating it');
  if (input.customSan && input.customSan.length > 0) throw cceError('CCE.01400001', 'spec.customSan: not supported by Autopilot clusters.');
  checkDescription(input.description);
  let alias: string | undefined;
  // "If this parameter is left blank, the alias is not changed."
  if (input.alias) {
    checkName(input.alias, 'metadata.alias');
    const owner = store.findClusterByAlias(input.alias);
    if (owner && owner.uid !== cluster.uid) throw cceError('CCE.01409001', `metadata.alias: alias ${input.alias} is already used by cluster ${owner.name}.`);
    alias = input.alias;
  }
  let eniSubnetIds: string[] | undefined;
  if (input.eniSubnetIds !== undefined) {
    if (input.eniSubnetIds.length === 0) throw cceError('CCE.01400001', 'spec.eniNetwork.subnets: a cluster needs at least one ENI subnet.');
    const vpc = store.vpcs.get(cluster.vpcId);
    if (!vpc) throw cceError('CCE.01500001', `VPC ${cluster.vpcId} of the cluster is missing.`);
    eniSubnetIds = eniSubnetsOf(store, vpc, input.eniSubnetIds, 'spec.eniNetwork.subnets').map((s) => s.subnetId);
  }
  if (input.description !== undefined) cluster.description = input.description;
  if (alias !== undefined) {
    cluster.alias = alias;
    cluster.aliasConfigured = true;
  }
  if (eniSubnetIds) cluster.eniSubnetIds = eniSubnetIds;
  cluster.updatedAt = now;
  return jsonResponse(200, renderCluster(store, cluster, 'read'));
}

/** The `deleteOption` echo uses the spelling of the reference's example (`delete-block`, quirk 14). */
function deleteOptionEcho(options: DeletePlanOptions): Record<string, string> {
  const echo: Record<string, string> = {};
  for (const key of ['delete_efs', 'delete_eni', 'delete_net', 'delete_obs', 'delete_sfs30'] as const) {
    if (options[key] !== 'skip') echo[key] = `delete-${options[key]}`;
  }
  echo.lts_reclaim_policy = options.lts_reclaim_policy;
  return echo;
}

/**
 * OP5 — starts the deletion job; the cluster is Deleting from now on and gone when the job ends. The
 * response, like the reference's example, is the cluster as it was when the request arrived (the
 * example shows `Available`, quirk 15) plus the deletion `jobID`, `deleteOption` and `deleteStatus`.
 */
export function deleteCluster(store: SimulatorStore, now: number, clusterId: string, options: DeletePlanOptions): Response {
  const cluster = requireCluster(store, clusterId);
  if (cluster.isLocked) throw cceError('CCE.01403001', `Cluster ${cluster.name} is locked (${cluster.lockScene || 'CBC'}); it cannot be deleted.`);
  if (cluster.phase === 'Deleting') throw cceError('CCE.01429002', `Cluster ${cluster.name} is already being deleted.`);
  if (!PHASES_DELETABLE.has(cluster.phase)) {
    throw cceError('CCE.01429002', `Cluster ${cluster.name} is ${cluster.phase}; it can be deleted once that has finished.`);
  }
  const phaseBefore = cluster.phase;
  startDeleteJob(store, cluster, options, now);
  cluster.deleteOption = deleteOptionEcho(options);
  const resources = 20 + (hashString(cluster.uid) % 40);
  const deleteStatus = { previous_total: resources, current_total: resources, updated: 0, added: 0, deleted: 0 };
  const body = renderCluster(store, { ...cluster, phase: phaseBefore }, 'delete', { deleteStatus });
  cluster.phase = 'Deleting';
  cluster.reason = undefined;
  cluster.message = undefined;
  cluster.updatedAt = now;
  return jsonResponse(200, body);
}

/** `true`/`false` are documented synonyms of `block`/`skip` (reference §4.5). */
function mode(value: string | undefined, fallback: DeleteMode): DeleteMode {
  if (value === undefined) return fallback;
  if (value === 'true') return 'block';
  if (value === 'false') return 'skip';
  return value as DeleteMode;
}

/** The cluster operations (OP1–OP5), from the contract-validated request to the functions above. */
export const clusterHandlers: HandlersOf<'createCluster' | 'listClusters' | 'showCluster' | 'updateCluster' | 'deleteCluster'> = {
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
};
