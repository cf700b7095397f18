/**
 * The clusters of each seed: the demo project's nine (every phase of interest, a creation and an
 * upgrade under way) and the generated fleets of `large` and `twenty`.
 */
import type { ClusterPhase } from '../../../contract/clusters.ts';
import { seededUuidV1, seededUuidV4 } from '../../ids.ts';
import type { SimulatorStore } from '../../store.ts';
import { DEMO_EIPS, DEMO_VPCS } from '../network/network-seed.ts';
import { startCreateJob, startUpgradeJob } from './cluster-jobs.ts';
import type { ClusterRecord, ClusterTag } from './cluster-model.ts';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Names of the demo clusters; `DEMO_SEED.clusters[name]` is the uid. */
export type DemoClusterName =
  'prod-payments' | 'prod-search' | 'staging-web' | 'analytics-batch' | 'dev-sandbox' | 'ml-inference' | 'legacy-reporting' | 'qa-regression' | 'edge-gateway';

interface DemoClusterSpec {
  name: string;
  alias?: string;
  description?: string;
  version: 'v1.25' | 'v1.27' | 'v1.28';
  phase: ClusterPhase;
  ageDays: number;
  vpc: 0 | 1 | 2;
  tags: ClusterTag[];
  reason?: string;
  message?: string;
  eip?: number;
  enterpriseProjectId?: string;
  /** For Creating / Upgrading: how far the job has run, in simulated ms. */
  jobElapsedMs?: number;
  upgradeTo?: 'v1.27' | 'v1.28';
}

const ENTERPRISE_PROJECT_PLATFORM = '5ebc44c1-617b-4d93-8d49-895b8a457a1f';

export const DEMO_CLUSTERS: readonly (DemoClusterSpec & { name: DemoClusterName })[] = [
  {
    name: 'prod-payments',
    alias: 'payments-prod',
    description: 'Payment API and settlement workers',
    version: 'v1.28',
    phase: 'Available',
    ageDays: 214,
    vpc: 0,
    eip: 0,
    enterpriseProjectId: ENTERPRISE_PROJECT_PLATFORM,
    tags: [
      { key: 'env', value: 'production' },
      { key: 'team', value: 'payments' },
      { key: 'cost-center', value: 'cc-1042' },
    ],
  },
  {
    name: 'prod-search',
    alias: 'search-prod',
    description: 'Search frontends and indexers',
    version: 'v1.28',
    phase: 'Available',
    ageDays: 171,
    vpc: 0,
    enterpriseProjectId: ENTERPRISE_PROJECT_PLATFORM,
    tags: [
      { key: 'env', value: 'production' },
      { key: 'team', value: 'search' },
    ],
  },
  {
    name: 'staging-web',
    description: 'Staging for the customer web shop',
    version: 'v1.27',
    phase: 'Available',
    ageDays: 302,
    vpc: 1,
    tags: [{ key: 'env', value: 'staging' }],
  },
  {
    name: 'analytics-batch',
    alias: 'analytics-batch-jobs',
    description: 'Nightly Spark jobs',
    version: 'v1.27',
    phase: 'Upgrading',
    ageDays: 388,
    vpc: 2,
    upgradeTo: 'v1.28',
    jobElapsedMs: 3 * MINUTE,
    tags: [
      { key: 'env', value: 'production' },
      { key: 'team', value: 'data' },
    ],
  },
  {
    name: 'dev-sandbox',
    description: 'Shared developer sandbox',
    version: 'v1.25',
    phase: 'Available',
    ageDays: 533,
    vpc: 1,
    tags: [{ key: 'env', value: 'dev' }],
  },
  {
    name: 'ml-inference',
    description: 'Model serving (GPU-free tier)',
    version: 'v1.28',
    phase: 'Creating',
    ageDays: 0,
    vpc: 2,
    jobElapsedMs: 12_000,
    tags: [
      { key: 'env', value: 'production' },
      { key: 'team', value: 'ml' },
    ],
  },
  {
    name: 'legacy-reporting',
    description: 'Old reporting stack, to be retired',
    version: 'v1.25',
    phase: 'Error',
    ageDays: 611,
    vpc: 1,
    reason: 'ResourceAbnormal',
    message: 'ENI pool reconcile failed: subnet subnet-dev-eni-tiny (172.16.255.240/28) has no free IP addresses; 14 pods cannot get a network interface.',
    tags: [{ key: 'env', value: 'dev' }],
  },
  {
    name: 'qa-regression',
    description: 'Regression suite, hibernated between runs',
    version: 'v1.27',
    phase: 'Hibernation',
    ageDays: 95,
    vpc: 1,
    reason: 'Hibernated',
    message: 'The cluster was hibernated on request; wake it up to run workloads again.',
    tags: [{ key: 'env', value: 'qa' }],
  },
  {
    name: 'edge-gateway',
    description: 'Regional API gateway',
    version: 'v1.28',
    phase: 'Unavailable',
    ageDays: 44,
    vpc: 0,
    reason: 'APIServerUnreachable',
    message: 'kube-apiserver health check failed for 3 consecutive probes; the cluster needs to be deleted manually.',
    tags: [{ key: 'env', value: 'production' }],
  },
];

export function demoClusterUid(name: string): string {
  return seededUuidV1(`demo:${name}`, Date.UTC(2024, 5, 1, 8, 30) + name.length * 86_400_000);
}

function hostIp(cidr: string, n: number): string {
  const [base] = cidr.split('/');
  const parts = base!.split('.').map(Number);
  return `${parts[0]}.${parts[1]}.${parts[2]}.${10 + (n % 200)}`;
}

function clusterRecord(
  spec: Omit<DemoClusterSpec, 'jobElapsedMs' | 'upgradeTo' | 'eip'> & { uid: string },
  nowMs: number,
  store: SimulatorStore,
  n: number,
): ClusterRecord {
  const vpc = DEMO_VPCS[spec.vpc]!;
  const createdAt = nowMs - spec.ageDays * DAY - (n % 24) * 37 * MINUTE;
  const v = store.version(spec.version)!;
  return {
    uid: spec.uid,
    name: spec.name,
    alias: spec.alias ?? spec.name,
    aliasConfigured: spec.alias !== undefined,
    description: spec.description ?? '',
    version: v.version,
    platformVersion: v.platformVersion,
    az: `${store.settings.region}a`,
    vpcId: vpc.id,
    hostSubnetId: vpc.subnets[0]!.networkId,
    eniSubnetIds: [vpc.subnets[1]!.subnetId],
    serviceCidr: '10.247.0.0/16',
    enterpriseProjectId: spec.enterpriseProjectId ?? '0',
    enableSnat: true,
    enableSWRImageAccess: true,
    tags: spec.tags.map((t) => ({ ...t })),
    labels: { FeatureGates: 'arpOptimization,elbv3,xGPU' },
    annotations: { enableAutopilot: 'true' },
    requestedAddons: [],
    createdAt,
    updatedAt: spec.phase === 'Creating' ? createdAt : Math.min(nowMs, createdAt + ((n * 7) % Math.max(1, spec.ageDays)) * DAY + 5 * MINUTE),
    phase: spec.phase,
    ...(spec.reason ? { reason: spec.reason } : {}),
    ...(spec.message ? { message: spec.message } : {}),
    privateIp: hostIp(vpc.subnets[0]!.cidr, n * 13 + 7),
    portId: seededUuidV4(`${spec.uid}/port`),
    upgradeFrom: '',
  };
}

/** Starts the job that a seeded Creating/Upgrading cluster is in the middle of. */
function startSeedJob(store: SimulatorStore, cluster: ClusterRecord, spec: DemoClusterSpec, nowMs: number) {
  let counter = 0;
  const ids = () => seededUuidV1(`job:${cluster.uid}:${counter++}`, nowMs);
  const startedAt = nowMs - (spec.jobElapsedMs ?? 0) / store.speed;
  if (spec.phase === 'Creating') {
    cluster.createdAt = startedAt;
    cluster.updatedAt = startedAt;
    const vpc = DEMO_VPCS[spec.vpc]!;
    startCreateJob(store, cluster, [vpc.subnets[1]!], startedAt, ids);
  } else if (spec.phase === 'Upgrading' && spec.upgradeTo) {
    const target = store.version(spec.upgradeTo)!;
    startUpgradeJob(store, cluster, { version: target.version, platformVersion: target.platformVersion }, startedAt, ids);
  }
}

/** The nine demo clusters, in every phase of interest; two of them mid-job. */
export function seedDemoClusters(store: SimulatorStore, nowMs: number): void {
  DEMO_CLUSTERS.forEach((spec, n) => {
    const cluster = clusterRecord({ ...spec, uid: demoClusterUid(spec.name) }, nowMs, store, n);
    if (spec.eip !== undefined) {
      const eip = store.eips.get(DEMO_EIPS[spec.eip]!.id)!;
      eip.boundTo = cluster.uid;
      cluster.eipId = eip.id;
    }
    store.addCluster(cluster);
    startSeedJob(store, cluster, spec, nowMs);
  });
}

const TEAMS = ['payments', 'search', 'checkout', 'identity', 'data', 'ml', 'media', 'notify', 'billing', 'catalog'] as const;
const ENVS = ['prod', 'staging', 'dev', 'qa'] as const;

/**
 * Generated clusters for scale checks, the same on every run: mostly Available, with every few dozen
 * one Error, Unavailable, Hibernation or Upgrading, across all three versions and VPCs. Like a real
 * fleet, some have an alias, a third carry a cost-center tag as well, and one in eight has its API
 * server on a public EIP (addresses from the documentation range 192.0.2.0/24, one per cluster, kept
 * apart from the shared pool that journeys bind). `large` has 2,000; `twenty` the first 20 of them,
 * the baseline the benchmark compares `large` with.
 */
export function seedGeneratedClusters(store: SimulatorStore, nowMs: number, count: number): void {
  for (let i = 0; i < count; i++) {
    const team = TEAMS[i % TEAMS.length]!;
    const env = ENVS[Math.floor(i / TEAMS.length) % ENVS.length]!;
    const name = `${team}-${env}-${String(i).padStart(4, '0')}`;
    const phase: ClusterPhase =
      i % 53 === 7 ? 'Error' : i % 47 === 3 ? 'Unavailable' : i % 41 === 5 ? 'Hibernation' : i % 31 === 11 ? 'Upgrading' : 'Available';
    const version = (['v1.28', 'v1.27', 'v1.28', 'v1.25'] as const)[i % 4]!;
    const spec: DemoClusterSpec = {
      name,
      version: phase === 'Upgrading' && version === 'v1.28' ? 'v1.27' : version,
      phase,
      ageDays: 1 + ((i * 37) % 700),
      vpc: (i % 3) as 0 | 1 | 2,
      ...(i % 5 === 1 ? { alias: `${team}-${env}-cluster-${i}` } : {}),
      tags: [{ key: 'env', value: env }, { key: 'team', value: team }, ...(i % 3 === 0 ? [{ key: 'cost-center', value: `cc-${1000 + (i % 97)}` }] : [])],
      ...(phase === 'Error' ? { reason: 'ResourceAbnormal', message: 'Control-plane add-on coredns is not ready.' } : {}),
      ...(phase === 'Unavailable' ? { reason: 'APIServerUnreachable', message: 'kube-apiserver health check failed.' } : {}),
      ...(phase === 'Upgrading' ? { upgradeTo: version === 'v1.25' ? ('v1.27' as const) : ('v1.28' as const), jobElapsedMs: (i % 5) * MINUTE } : {}),
    };
    const uid = seededUuidV1(`large:${name}`, nowMs - spec.ageDays * DAY);
    const cluster = clusterRecord({ ...spec, uid }, nowMs, store, i);
    const publicSlot = i % 8 === 2 ? (i - 2) / 8 : -1;
    if (publicSlot >= 0 && publicSlot < 254) {
      const eip = { id: seededUuidV4(`large-eip:${name}`), address: `192.0.2.${publicSlot + 1}`, bandwidthSize: 5, shareType: 'PER' as const, boundTo: uid };
      store.eips.set(eip.id, eip);
      cluster.eipId = eip.id;
    }
    store.addCluster(cluster);
    startSeedJob(store, cluster, spec, nowMs);
  }
}
