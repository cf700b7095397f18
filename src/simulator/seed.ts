import { startCreateJob, startUpgradeJob } from './resources/clusters/cluster-jobs.ts';
import type { SimulatorSeed } from './config.ts';
import { seededUuidV1, seededUuidV4 } from './ids.ts';
import type { ClusterPhase } from '../contract/clusters.ts';
import type { ClusterRecord, ClusterTag, EipRecord, VersionInfo, VpcRecord } from './model.ts';
import type { SimulatorStore } from './store.ts';
import { seedChartsAndReleases } from './resources/charts/seed.ts';
import { seedAddons } from './resources/addons/seed.ts';
import { seedUpgrades } from './resources/upgrades/seed.ts';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * Kubernetes versions of the reference: v1.27 and v1.28 for Autopilot clusters (§4.1 examples, with the
 * platform versions those examples show, `cce.6.0` and `cce.4.0`), and v1.25 (`cce.5.0`) from the upgrade
 * paths (upgrade digest §7), kept only for clusters created before it was phased out. Platform version
 * counters restart per Kubernetes version, which is why v1.28's is lower than v1.27's.
 */
export const KUBERNETES_VERSIONS: readonly VersionInfo[] = [
  { version: 'v1.25', platformVersion: 'cce.5.0', creatable: false, patch: 'v1.25.6-r0' },
  { version: 'v1.27', platformVersion: 'cce.6.0', creatable: true, patch: 'v1.27.3-r0' },
  { version: 'v1.28', platformVersion: 'cce.4.0', creatable: true, patch: 'v1.28.3-r0' },
];

/** Default cluster quota per seed. The reference's default is five per region (§1.6); the demo project has had it raised. */
export const SEED_CLUSTER_QUOTA: Record<SimulatorSeed, number> = { demo: 12, large: 2_100, twenty: 50, empty: 5 };

function subnet(key: string, name: string, cidr: string, freeIps: number, ids: { networkId?: string; subnetId?: string } = {}) {
  return {
    networkId: ids.networkId ?? seededUuidV4(`${key}/network`),
    subnetId: ids.subnetId ?? seededUuidV4(`${key}/subnet`),
    name,
    cidr,
    freeIps,
  };
}

/** VPCs of the demo project. The first reuses the ids of the reference's create example. */
function demoVpcs(): VpcRecord[] {
  return [
    {
      id: 'c6549063-d459-4ae1-9550-b5fec6741b0f',
      name: 'vpc-prod',
      cidr: '192.168.0.0/16',
      subnets: [
        subnet('prod-master', 'subnet-prod-master', '192.168.0.0/24', 211, { networkId: '3b18c2d5-b352-4f59-b421-c2d2d48a1333' }),
        subnet('prod-eni-a', 'subnet-prod-eni-a', '192.168.16.0/20', 3_871, { subnetId: '186f9322-50c5-4e5a-91e3-47da86959afc' }),
        subnet('prod-eni-b', 'subnet-prod-eni-b', '192.168.32.0/20', 4_012),
      ],
    },
    {
      id: seededUuidV4('vpc-dev'),
      name: 'vpc-dev',
      cidr: '172.16.0.0/16',
      subnets: [
        subnet('dev-master', 'subnet-dev-master', '172.16.0.0/24', 240),
        subnet('dev-eni', 'subnet-dev-eni', '172.16.16.0/20', 3_990),
        // Nearly exhausted: a cluster created with it as ENI subnet fails in CreateEniNetwork.
        subnet('dev-eni-tiny', 'subnet-dev-eni-tiny', '172.16.255.240/28', 3),
      ],
    },
    {
      id: seededUuidV4('vpc-analytics'),
      name: 'vpc-analytics',
      cidr: '10.10.0.0/16',
      subnets: [
        subnet('analytics-master', 'subnet-analytics-master', '10.10.0.0/24', 198),
        subnet('analytics-eni', 'subnet-analytics-eni', '10.10.64.0/18', 16_102),
      ],
    },
  ];
}

function demoEips(): EipRecord[] {
  // Addresses from the documentation ranges (RFC 5737), so no real host is ever named.
  return [
    { id: seededUuidV4('eip-payments'), address: '203.0.113.24', bandwidthSize: 5, shareType: 'PER' },
    { id: seededUuidV4('eip-spare-1'), address: '203.0.113.57', bandwidthSize: 10, shareType: 'PER' },
    { id: seededUuidV4('eip-spare-2'), address: '198.51.100.9', bandwidthSize: 20, shareType: 'WHOLE' },
    { id: seededUuidV4('eip-spare-3'), address: '198.51.100.142', bandwidthSize: 5, shareType: 'PER' },
  ];
}

const VPCS = demoVpcs();
const EIPS = demoEips();

/** Names of the demo clusters; `DEMO_SEED.clusters[name]` is the uid. */
export type DemoClusterName =
  | 'prod-payments'
  | 'prod-search'
  | 'staging-web'
  | 'analytics-batch'
  | 'dev-sandbox'
  | 'ml-inference'
  | 'legacy-reporting'
  | 'qa-regression'
  | 'edge-gateway';

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

const DEMO_CLUSTERS: readonly (DemoClusterSpec & { name: DemoClusterName })[] = [
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
    message:
      'ENI pool reconcile failed: subnet subnet-dev-eni-tiny (172.16.255.240/28) has no free IP addresses; 14 pods cannot get a network interface.',
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

function demoClusterUid(name: string): string {
  return seededUuidV1(`demo:${name}`, Date.UTC(2024, 5, 1, 8, 30) + name.length * 86_400_000);
}

/** Ids of the demo project, for e2e journeys and tests that need to name a seeded resource. */
export const DEMO_SEED = {
  clusters: Object.fromEntries(DEMO_CLUSTERS.map((c) => [c.name, demoClusterUid(c.name)])) as Record<DemoClusterName, string>,
  vpcs: Object.fromEntries(VPCS.map((v) => [v.name, { id: v.id, cidr: v.cidr, subnets: v.subnets.map((s) => ({ ...s })) }])),
  /** EIPs; the first is bound to prod-payments, the others are free to bind. */
  eips: EIPS.map((e) => ({ id: e.id, address: e.address })),
} as const;

function versionInfo(version: string): VersionInfo {
  return KUBERNETES_VERSIONS.find((v) => v.version === version)!;
}

function hostIp(cidr: string, n: number): string {
  const [base] = cidr.split('/');
  const parts = base!.split('.').map(Number);
  return `${parts[0]}.${parts[1]}.${parts[2]}.${10 + (n % 200)}`;
}

function clusterRecord(
  spec: Omit<DemoClusterSpec, 'jobElapsedMs' | 'upgradeTo' | 'eip'> & { uid: string },
  nowMs: number,
  region: string,
  n: number,
): ClusterRecord {
  const vpc = VPCS[spec.vpc]!;
  const createdAt = nowMs - spec.ageDays * DAY - (n % 24) * 37 * MINUTE;
  const v = versionInfo(spec.version);
  return {
    uid: spec.uid,
    name: spec.name,
    alias: spec.alias ?? spec.name,
    aliasConfigured: spec.alias !== undefined,
    description: spec.description ?? '',
    version: v.version,
    platformVersion: v.platformVersion,
    az: `${region}a`,
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
    const vpc = VPCS[spec.vpc]!;
    startCreateJob(store, cluster, [vpc.subnets[1]!], startedAt, ids);
  } else if (spec.phase === 'Upgrading' && spec.upgradeTo) {
    const target = versionInfo(spec.upgradeTo);
    startUpgradeJob(store, cluster, { version: target.version, platformVersion: target.platformVersion }, startedAt, ids);
  }
}

function seedNetwork(store: SimulatorStore) {
  for (const vpc of VPCS) store.vpcs.set(vpc.id, { ...vpc, subnets: vpc.subnets.map((s) => ({ ...s })) });
  for (const eip of EIPS) store.eips.set(eip.id, { ...eip });
}

function seedDemo(store: SimulatorStore, nowMs: number) {
  DEMO_CLUSTERS.forEach((spec, n) => {
    const cluster = clusterRecord({ ...spec, uid: demoClusterUid(spec.name) }, nowMs, store.settings.region, n);
    if (spec.eip !== undefined) {
      const eip = store.eips.get(EIPS[spec.eip]!.id)!;
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
function seedGenerated(store: SimulatorStore, nowMs: number, count: number) {
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
      tags: [
        { key: 'env', value: env },
        { key: 'team', value: team },
        ...(i % 3 === 0 ? [{ key: 'cost-center', value: `cc-${1000 + (i % 97)}` }] : []),
      ],
      ...(phase === 'Error' ? { reason: 'ResourceAbnormal', message: 'Control-plane add-on coredns is not ready.' } : {}),
      ...(phase === 'Unavailable' ? { reason: 'APIServerUnreachable', message: 'kube-apiserver health check failed.' } : {}),
      ...(phase === 'Upgrading' ? { upgradeTo: version === 'v1.25' ? ('v1.27' as const) : ('v1.28' as const), jobElapsedMs: (i % 5) * MINUTE } : {}),
    };
    const uid = seededUuidV1(`large:${name}`, nowMs - spec.ageDays * DAY);
    const cluster = clusterRecord({ ...spec, uid }, nowMs, store.settings.region, i);
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

/** Fills a fresh store. Every seed has the same networks and EIPs, so creating a cluster works in each. */
export function seedStore(store: SimulatorStore, seed: SimulatorSeed, nowMs: number): void {
  seedNetwork(store);
  if (seed === 'demo') seedDemo(store, nowMs);
  else if (seed === 'large') seedGenerated(store, nowMs, 2_000);
  else if (seed === 'twenty') seedGenerated(store, nowMs, 20);
  seedChartsAndReleases(store, seed, nowMs);
  seedAddons(store, seed, nowMs);
  seedUpgrades(store, nowMs);
}
