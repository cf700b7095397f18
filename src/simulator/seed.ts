import type { SimulatorSeed } from './config.ts';
import type { VersionInfo } from './resources/clusters/cluster-model.ts';
import { DEMO_CLUSTERS, demoClusterUid, seedDemoClusters, seedGeneratedClusters, type DemoClusterName } from './resources/clusters/cluster-seed.ts';
import { DEMO_EIPS, DEMO_VPCS, seedNetwork } from './resources/network/network-seed.ts';
import type { SimulatorStore } from './store.ts';
import { seedChartsAndReleases } from './resources/charts/seed.ts';
import { seedAddons } from './resources/addons/seed.ts';
import { seedUpgrades } from './resources/upgrades/seed.ts';

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

/** Ids of the demo project, for e2e journeys and tests that need to name a seeded resource. */
export const DEMO_SEED = {
  clusters: Object.fromEntries(DEMO_CLUSTERS.map((c) => [c.name, demoClusterUid(c.name)])) as Record<DemoClusterName, string>,
  vpcs: Object.fromEntries(DEMO_VPCS.map((v) => [v.name, { id: v.id, cidr: v.cidr, subnets: v.subnets.map((s) => ({ ...s })) }])),
  /** EIPs; the first is bound to prod-payments, the others are free to bind. */
  eips: DEMO_EIPS.map((e) => ({ id: e.id, address: e.address })),
} as const;

/** Fills a fresh store. Every seed has the same networks and EIPs, so creating a cluster works in each. */
export function seedStore(store: SimulatorStore, seed: SimulatorSeed, nowMs: number): void {
  seedNetwork(store);
  if (seed === 'demo') seedDemoClusters(store, nowMs);
  else if (seed === 'large') seedGeneratedClusters(store, nowMs, 2_000);
  else if (seed === 'twenty') seedGeneratedClusters(store, nowMs, 20);
  seedChartsAndReleases(store, seed, nowMs);
  seedAddons(store, seed, nowMs);
  seedUpgrades(store, nowMs);
}
